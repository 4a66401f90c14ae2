import ShadowCore
import Testing
@testable import ShadowConfig

/// `[[scenario]]` tables in the config and in scenario files.
@Suite struct ScenarioConfigTests {
    static let models = """
        [[models]]
        name = "a"
        role = "champion"
        kind = "linear"
        path = "a.json"

        """

    @Test func configScenariosAreRead() throws {
        let settings = try ConfigLoader.parse(Self.models + """
            [[scenario]]
            kind = "shift"
            feature = "x0"
            amount = 2.5
            at_time = 2024-01-04T00:00:00Z
            width = 3600
            seed = 9

            [[scenario]]
            kind = "label_prior"
            from = 0
            to = 1
            rate = 0.5
            at_record = 100
            """, file: "c.toml", baseDirectory: "/")
        let s = settings.scenarios.scenarios
        #expect(s.count == 2)
        #expect(s[0] == ScenarioSettings.Scenario(kind: .shift, features: ["x0"], atTimeMs: 1_704_326_400_000,
                                                  width: 3600, seed: 9, amount: 2.5))
        #expect(s[1].from == "0" && s[1].to == "1" && s[1].rate == 0.5 && s[1].atRecord == 100)
    }

    @Test func mistakesNameTheLineAndKey() {
        let cases: [(String, String)] = [
            ("[[scenario]]\nkind = \"shift\"\nfeature = \"x0\"\n", "c.toml:6: scenario[0].amount"),
            ("[[scenario]]\nkind = \"bend\"\n", "c.toml:7: scenario[0].kind"),
            ("[[scenario]]\nkind = \"missing\"\nfeature = \"x\"\nrate = 2\n", "c.toml:9: scenario[0].rate"),
            ("[[scenario]]\nkind = \"concept\"\nrule = \"x0 > 1\"\nat_record = 1\nat_time = 2024-01-01T00:00:00Z\n",
             "c.toml:10: scenario[0].at_time"),
        ]
        for (text, prefix) in cases {
            do {
                _ = try ConfigLoader.parse(Self.models + text, file: "c.toml", baseDirectory: "/")
                Issue.record("accepted: \(text)")
            } catch {
                #expect("\(error)".hasPrefix(prefix), "\(error)")
            }
        }
    }

    @Test func scenarioFilesHoldOnlyScenarios() throws {
        let s = try ConfigLoader.parseScenarios("[[scenario]]\nkind = \"time_warp\"\noffset_s = 60\n", file: "s.toml")
        #expect(s.scenarios == [ScenarioSettings.Scenario(kind: .timeWarp, offsetSeconds: 60)])
        #expect(throws: ConfigError.self) { try ConfigLoader.parseScenarios("[store]\npath = \"x\"\n", file: "s.toml") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parseScenarios("", file: "s.toml") }
    }
}
