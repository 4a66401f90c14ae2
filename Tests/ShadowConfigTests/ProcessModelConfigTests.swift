import ShadowCore
import Testing
@testable import ShadowConfig

@Suite struct ProcessModelConfigTests {
    static func model(_ keys: String, kind: String = "process") -> String {
        """
        [[models]]
        name = "child"
        role = "champion"
        kind = "\(kind)"
        features = ["a", "b"]
        \(keys)
        """
    }

    static func messages(_ text: String) -> [String] {
        ConfigLoader.check(text, file: "c.toml", baseDirectory: "/etc/shadowd").map(\.description)
    }

    @Test func readsEveryProcessKey() throws {
        let text = Self.model("""
            argv = ["./bin/model", "--fast"]
            env = { OMP_NUM_THREADS = "1" }
            max_in_flight = 8
            max_line_bytes = 4096
            timeout_ms = 300
            classes = 3
            """)
        let m = try ConfigLoader.parse(text, file: "c.toml", baseDirectory: "/etc/shadowd").models[0]
        #expect(m.kind == .process && m.timeoutMs == 300 && m.features == ["a", "b"])
        #expect(m.process == ProcessModelSettings(argv: ["/etc/shadowd/bin/model", "--fast"],
                                                  env: ["OMP_NUM_THREADS": "1"], directory: "/etc/shadowd",
                                                  maxInFlight: 8, classes: 3, maxLineBytes: 4096))
    }

    @Test func bareProgramNamesStayForPathLookup() throws {
        let m = try ConfigLoader.parse(Self.model(#"argv = ["python3", "model.py"]"#), file: "c.toml",
                                       baseDirectory: "/srv").models[0]
        #expect(m.process?.argv == ["python3", "model.py"])
        #expect(m.process?.maxInFlight == 64)
        #expect(m.process?.maxLineBytes == 16 << 20)
        #expect(m.process?.directory == "/srv")
    }

    @Test func mistakesNameFileLineAndKey() {
        #expect(Self.messages(Self.model("")) == [
            #"c.toml:1: models[0].argv: required for kind "process" (the program and its arguments, e.g. ["python3", "model.py"])"#,
        ])
        #expect(Self.messages(Self.model("argv = []")) == [
            #"c.toml:6: models[0].argv: must name a program (argv[0]); it is run directly, not through a shell"#,
        ])
        #expect(Self.messages(Self.model(#"argv = ["m"]\#nmax_in_flight = 0"#)).count == 1)
        #expect(Self.messages(Self.model(#"argv = ["m"]\#nmax_line_bytes = 10"#)).count == 1)
        #expect(Self.messages(Self.model(#"argv = ["m"]"#, kind: "linear") + "\npath = \"m.json\"") == [
            #"c.toml:6: models[0].argv: only models with kind = "process" take this key"#,
        ])
    }
}
