import Foundation
import ShadowCore
import Testing
@testable import ShadowSQLite

/// Run manifests: captured from disk, stored with the run, read back equal, and compared with the files now.
@Suite struct VersionsManifestTests {
    /// SHA-256 of "abc" (FIPS 180-2 example).
    /// XXH3-128 of "abc", as `xxhsum -H2` prints it.
    static let abc = "06b05ab6733a618578af5f94892f3950"

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func captureHashesInputsAndKeepsTheConfigText() throws {
        let dir = try TemporaryDirectory()
        try write("abc", to: dir.path("in.jsonl"))
        try write("# config\n[[models]]\n", to: dir.path("shadowd.toml"))
        let manifest = ManifestCapture.manifest(for: RunInfo(
            startedAtMs: 0, configPath: dir.path("shadowd.toml"), inputs: [dir.path("in.jsonl"), dir.path("gone.jsonl")],
            models: [ModelInfo(name: "m", role: .champion, kind: "linear", location: "m.json", digest: "d")]))
        #expect(manifest.inputs == [RunManifest.Input(path: dir.path("in.jsonl"), size: 3, xxh128: Self.abc),
                                    RunManifest.Input(path: dir.path("gone.jsonl"), size: nil, xxh128: nil)])
        #expect(manifest.config.text == "# config\n[[models]]\n")
        #expect(manifest.config.sha256 == SHA256.hex(Array("# config\n[[models]]\n".utf8)))
        #expect(manifest.config.baseDirectory == dir.url.path)
        #expect(manifest.models == [RunManifest.Model(name: "m", role: "champion", kind: "linear", location: "m.json",
                                                      digest: "d", version: nil)])
        #expect(manifest.profile == nil && manifest.seed == nil && manifest.rerunOf == nil)
    }

    @Test func relativeInputsAreRecordedAbsolute() throws {
        let input = ManifestCapture.input("some/dir/../in.jsonl")
        #expect(input.path.hasPrefix("/") && input.path.hasSuffix("/some/in.jsonl"))
        #expect(input.xxh128 == nil)
    }

    @Test func roundTripsThroughJSONWithExplicitNulls() throws {
        let manifest = RunManifest(
            config: .init(path: "/etc/shadowd/shadowd.toml", baseDirectory: "/etc/shadowd", sha256: "c", text: "x = \"é\""),
            inputs: [.init(path: "/t.jsonl", size: 10, xxh128: "e"), .init(path: "/u.jsonl", size: nil, xxh128: nil)],
            models: [.init(name: "m", role: "shadow", kind: "xgboost", location: "/m.json", digest: "f", version: 3)],
            rerunOf: 7)
        let data = try JSONEncoder().encode(manifest)
        #expect(try JSONDecoder().decode(RunManifest.self, from: data) == manifest)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["format", "shadowd_version", "config", "inputs", "models", "profile", "seed",
                                     "rerun_of"])
        #expect(object["profile"] is NSNull && object["seed"] is NSNull)
        #expect((object["inputs"] as? [[String: Any]])?[1]["xxh128"] is NSNull)
    }

    @Test func aPinnedManifestIsStoredAndReadBack() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("p.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        let pinned = RunManifest(
            config: .init(path: "/c.toml", baseDirectory: "/", sha256: "aa", text: "[[models]]\n"),
            inputs: [.init(path: "/in.jsonl", size: 3, xxh128: Self.abc)], models: [], seed: 42, rerunOf: 1)
        let run = try ManifestPinningStore(store, manifest: pinned).beginRun(Fixtures.run)
        store.close()
        let db = try SQLiteDatabase.openShadowReader(path: path)
        defer { db.close() }
        var expected = pinned
        expected.models = [
            .init(name: "prod", role: "champion", kind: "xgboost", location: "models/prod.json", digest: "sha256:aa",
                  version: 1),
            .init(name: "candidate", role: "shadow", kind: "lightgbm", location: "models/cand.txt", digest: "sha256:bb",
                  version: 1),
        ]
        #expect(try RunManifests.load(run: run, from: db) == expected)
        #expect(throws: RunManifests.Failure(description: "run 9 does not exist")) {
            try RunManifests.load(run: 9, from: db)
        }
    }

    @Test func differencesNameEachChangedFile() {
        let manifest = RunManifest(
            config: .init(path: "/c.toml", baseDirectory: "/", sha256: "aa", text: "t"),
            inputs: [.init(path: "/a.jsonl", size: 3, xxh128: Self.abc), .init(path: "/b.jsonl", size: 5, xxh128: "b0"),
                     .init(path: "/c.jsonl", size: nil, xxh128: nil)],
            models: [.init(name: "prod", role: "champion", kind: "xgboost", location: "/p.json",
                           digest: "1111111111111111", version: 1)])
        let now: [RunManifest.Input] = [.init(path: "/a.jsonl", size: 3, xxh128: Self.abc),
                                        .init(path: "/b.jsonl", size: 6, xxh128: "b1"),
                                        .init(path: "/c.jsonl", size: 1, xxh128: "c1")]
        let same = [ModelInfo(name: "prod", role: .champion, kind: "xgboost", location: "/p.json",
                              digest: "1111111111111111")]
        #expect(RunManifests.differences(from: manifest, run: 4, inputs: now, models: same) == [
            "input /b.jsonl changed since run 4: 5 bytes, xxh128 b0 then; 6 bytes, xxh128 b1 now",
            "input /c.jsonl could not be read when run 4 began; its content is unknown",
        ])
        let changed = [ModelInfo(name: "prod", role: .champion, kind: "xgboost", location: "/p.json",
                                 digest: "2222222222222222")]
        #expect(RunManifests.differences(from: manifest, run: 4, inputs: Array(now.prefix(1)) + [
            .init(path: "/b.jsonl", size: 5, xxh128: "b0"), .init(path: "/c.jsonl", size: nil, xxh128: nil),
        ], models: changed).suffix(1) == [
            "model prod (/p.json) changed since run 4: digest 111111111111 (version 1) then, 222222222222 now",
        ])
        var identical = manifest
        identical.inputs.removeLast()
        #expect(RunManifests.differences(from: identical, run: 4, inputs: [now[0], .init(path: "/b.jsonl", size: 5,
                                                                                        xxh128: "b0")],
                                         models: same).isEmpty)
    }
}
