import Foundation
import ShadowCore
import Testing
@testable import ShadowSQLite

/// `beginRun` numbers each model per name by digest: a digest seen before keeps its version, a new one is next.
@Suite struct VersionsNumberingTests {
    static func run(_ champion: String, _ candidate: String) -> RunInfo {
        RunInfo(startedAtMs: 1_740_960_105_605, configPath: "/nonexistent/shadowd.toml", inputs: [],
                models: [ModelInfo(name: "prod", role: .champion, kind: "xgboost", location: "p.json", digest: champion),
                         ModelInfo(name: "cand", role: .shadow, kind: "xgboost", location: "c.json", digest: candidate)])
    }

    func versions(_ db: SQLiteDatabase, run: Int64) throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try db.query("SELECT name, version FROM models WHERE run_id = ?",
                                                      .integer(run)) { ($0.text(at: 0)!, Int($0.int64(at: 1))) })
    }

    @Test func newDigestsGetTheNextVersionAndKnownOnesKeepTheirs() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("v.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        let runs = try [("a1", "b1"), ("a1", "b2"), ("a1", "b3"), ("a2", "b2"), ("a1", "b1")].map {
            try store.beginRun(Self.run($0.0, $0.1))
        }
        store.close()
        let db = try SQLiteDatabase.openShadowReader(path: path)
        defer { db.close() }
        #expect(try runs.map { try versions(db, run: $0) } == [
            ["prod": 1, "cand": 1], ["prod": 1, "cand": 2], ["prod": 1, "cand": 3], ["prod": 2, "cand": 2],
            ["prod": 1, "cand": 1],
        ])
        let all = try ModelVersions.all(in: db)
        #expect(all.map { "\($0.name) v\($0.version) \($0.digest) run \($0.firstRun ?? 0)" } == [
            "cand v1 b1 run 1", "cand v2 b2 run 2", "cand v3 b3 run 3", "prod v1 a1 run 1", "prod v2 a2 run 4",
        ])
        #expect(all.allSatisfy { $0.firstSeen.count == 24 && $0.firstSeen.hasSuffix("Z") })
        #expect(try ModelVersions.version(name: "cand", digest: "b2", in: db) == 2)
        #expect(try ModelVersions.version(name: "prod", digest: "b2", in: db) == nil)
    }

    @Test func theStoredManifestCarriesTheVersions() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("m.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        _ = try store.beginRun(Self.run("a1", "b1"))
        let second = try store.beginRun(Self.run("a1", "b9"))
        store.close()
        let db = try SQLiteDatabase.openShadowReader(path: path)
        defer { db.close() }
        let manifest = try RunManifests.load(run: second, from: db)
        #expect(manifest.models.map { "\($0.name):\($0.role):\($0.digest):\($0.version ?? 0)" }
            == ["prod:champion:a1:1", "cand:shadow:b9:2"])
        #expect(manifest.format == RunManifest.currentFormat)
        #expect(manifest.shadowdVersion == RunManifest.currentShadowdVersion)
        // The config could not be read: recorded as unknown, never a failure of the run.
        #expect(manifest.config == RunManifest.Config(path: "/nonexistent/shadowd.toml", baseDirectory: "/nonexistent",
                                                      sha256: nil, text: nil))
    }
}
