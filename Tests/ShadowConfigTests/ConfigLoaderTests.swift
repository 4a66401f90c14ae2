import ShadowCore
import Testing
@testable import ShadowConfig

/// Mapping valid configs into settings: defaults, every key, path resolution, file handling.
@Suite struct ConfigLoaderTests {
    static let valid = Fixtures.configDirectory + "/valid"

    @Test("a champion alone gets every default, and its relative path resolves against the file's folder")
    func minimalDefaults() throws {
        let settings = try ConfigLoader.load(path: Self.valid + "/minimal.toml")
        let champion = ModelSettings(name: "champion", role: .champion, kind: .xgboost,
                                     path: Self.valid + "/models/champion.json")
        #expect(settings == ShadowSettings(models: [champion]))
        #expect(settings.models[0].timeoutMs == 1000)
        #expect(settings.store.path == "/var/lib/shadowd/shadowd.db")
        #expect(settings.replay == ReplaySettings(batchSize: 512, maxInFlight: 4))
    }

    @Test("inline tables, dotted keys and integers where floats are expected map to every field")
    func inlineAndDotted() throws {
        let text = try ConfigFile.text(at: Self.valid + "/inline-and-dotted.toml")
        let settings = try ConfigLoader.parse(text, file: "x.toml", baseDirectory: "/etc/shadowd")
        let expected = ShadowSettings(
            models: [
                ModelSettings(name: "champion", role: .champion, kind: .linear, path: "/etc/models/champion.json"),
                ModelSettings(name: "shadow-1.b", role: .shadow, kind: .lightgbm, path: "/srv/models/shadow.txt",
                              timeoutMs: 20),
            ],
            compare: CompareSettings(task: .regression, threshold: 0.5, absTolerance: 1, relTolerance: 1e-3),
            store: StoreSettings(path: "/etc/shadowd/db/shadow.db", batchRows: 1000, flushIntervalMs: 16,
                                 storeFeatures: false),
            source: SourceSettings(
                format: .csv,
                fields: FieldMapping(id: "", time: "/ts", timeUnit: .ns, featureNames: ["a", "b"],
                                     feature: ["x/y": "/x~1y"]),
                allowNonFinite: true, csvDelimiter: UInt8(ascii: "\t")),
            replay: ReplaySettings(batchSize: 65536, maxInFlight: 256)
        )
        #expect(settings == expected)
        #expect(settings.champion?.name == "champion")
    }

    @Test("relative paths resolve against the base directory; absolute ones are only normalized")
    func pathResolution() throws {
        let text = """
        [[models]]
        name = "a"
        role = "champion"
        kind = "linear"
        path = "./models/../models/a.json"
        [[models]]
        name = "b"
        role = "shadow"
        kind = "linear"
        path = "/opt//m/./b.json"
        [store]
        path = "../var/x.db"
        """
        let settings = try ConfigLoader.parse(text, file: "c.toml", baseDirectory: "/etc/shadowd/")
        #expect(settings.models.map(\.path) == ["/etc/shadowd/models/a.json", "/opt/m/b.json"])
        #expect(settings.store.path == "/etc/var/x.db")
    }

    @Test("a file named by a relative path resolves against the current directory")
    func relativeConfigPath() throws {
        let path = FileProbe.temporaryFile(named: "shadowd.toml", """
        [[models]]
        name = "a"
        role = "champion"
        kind = "xgboost"
        path = "a.json"
        """)
        let folder = String(path.dropLast("/shadowd.toml".count))
        let cwd = ConfigFile.absolute(".")
        let relative = String(repeating: "../", count: cwd.split(separator: "/").count) + path.dropFirst()
        let settings = try ConfigLoader.load(path: relative)
        #expect(settings.models[0].path == folder + "/a.json")
    }

    @Test("a missing file and a file that is not UTF-8 are errors naming the file")
    func unreadableFiles() throws {
        let missing = try #require(throws: ConfigError.self) { try ConfigLoader.load(path: "/nonexistent/shadowd.toml") }
        #expect(missing.description == "/nonexistent/shadowd.toml: cannot open the file: No such file or directory (errno 2)")
        let binary = FileProbe.temporaryFile(named: "bad.toml", "a = 1\nb = \"\u{FF}\"\n")
        // Replace the valid U+00FF encoding (C3 BF) by a lone continuation byte.
        FileProbe.overwrite(binary, bytes: Array("a = 1\nb = \"".utf8) + [0xBF, 0x22, 0x0A])
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.load(path: binary) }
        #expect(error.description == binary + ":2: the file is not valid UTF-8")
    }

    @Test("check returns nothing for a valid file and every problem otherwise")
    func checkCollects() {
        #expect(ConfigLoader.check(path: Self.valid + "/minimal.toml") == [])
        let text = """
        [store]
        batch_rows = 0
        flush_ms = -1
        nope = 1
        [[models]]
        name = "a"
        role = "champion"
        kind = "linear"
        """
        let problems = ConfigLoader.check(text, file: "c.toml", baseDirectory: "/")
        #expect(problems.map(\.description) == [
            "c.toml:2: store.batch_rows: must be at least 1, found 0",
            "c.toml:3: store.flush_ms: must be at least 1, found -1",
            "c.toml:4: store.nope: unknown key (expected one of: path, batch_rows, flush_ms, store_features)",
            #"c.toml:5: models[0].path: required for kind "linear" (the model file)"#,
        ])
    }

    @Test("models must be a non-empty array of tables", arguments: [
        ("models = []", #"m.toml:1: models: no [[models]] entry (exactly one model with role "champion" is required)"#),
        ("models = [1]", "m.toml:1: models[0]: expected a table, found an integer"),
        ("models = 1", "m.toml:1: models: expected an array of tables ([[models]]), found an integer"),
    ])
    func modelsShape(text: String, expected: String) {
        #expect(ConfigLoader.check(text, file: "m.toml", baseDirectory: "/").map(\.description) == [expected])
    }

    @Test("syntax errors carry a column and no key path")
    func syntaxErrorShape() throws {
        let error = try #require(throws: ConfigError.self) {
            try ConfigLoader.parse("[store]\npath = 'x", file: "s.toml", baseDirectory: "/")
        }
        #expect(error == ConfigError(file: "s.toml", line: 2, column: 8, keyPath: "",
                                     message: "unterminated literal string (use ''' for a string that spans lines)"))
    }
}
