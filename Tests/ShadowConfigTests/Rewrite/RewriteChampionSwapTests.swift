import ShadowCore
import Testing
@testable import ShadowConfig

/// `ChampionSwap`: plans the two role edits with a full config load, refuses what cannot be promoted, and writes
/// atomically only when the file still holds the text the plan was made from.
@Suite struct RewriteChampionSwapTests {
    static let text = """
        # demo
        [[models]]
        name = "champion"
        role = "champion"   # today
        kind = "xgboost"
        path = "champion.json"

        [[models]]
        name = "candidate"
        role = "shadow"
        kind = "xgboost"
        path = "candidate.json"

        [[models]]
        name = "copy"
        role = "replica"
        kind = "xgboost"
        path = "champion.json"

        """

    @Test func plansAndCommitsTheSwap() throws {
        let path = FileProbe.temporaryFile(named: "shadowd.toml", Self.text)
        let plan = try ChampionSwap.plan(path: path, champion: "candidate")
        #expect(plan.oldChampion.name == "champion" && plan.newChampion.name == "candidate")
        #expect(plan.settings.models.map(\.role) == [.shadow, .champion, .replica])
        #expect(try ConfigFile.text(at: path) == Self.text, "planning writes nothing")
        try ChampionSwap.commit(plan)
        let settings = try ConfigLoader.load(path: path)
        #expect(settings.champion?.name == "candidate")
        #expect(try ConfigFile.text(at: path) == Self.text.replacing(#"role = "champion"   # today"#,
                                                                      with: #"role = "shadow"   # today"#)
            .replacing("name = \"candidate\"\nrole = \"shadow\"", with: "name = \"candidate\"\nrole = \"champion\""))
        #expect(throws: RewriteError.self, "the plan is stale once the file changed") { try ChampionSwap.commit(plan) }
    }

    @Test func refusesTheChampionAReplicaAndUnknownNames() {
        let path = FileProbe.temporaryFile(named: "shadowd.toml", Self.text)
        #expect(throws: RewriteError(.unknownModel, file: path, keyPath: "models", "champion is already the champion")) {
            try ChampionSwap.plan(path: path, champion: "champion")
        }
        #expect(throws: RewriteError(.unknownModel, file: path, keyPath: "models",
                                     "copy is a replica (the champion's noise-floor copy), not a shadow")) {
            try ChampionSwap.plan(path: path, champion: "copy")
        }
        #expect(throws: RewriteError(.unknownModel, file: path, keyPath: "models",
                                     #"no model is named "cand" (models: champion, candidate, copy)"#)) {
            try ChampionSwap.plan(path: path, champion: "cand")
        }
    }

    @Test func anInvalidConfigIsRefusedWithItsConfigError() {
        let path = FileProbe.temporaryFile(named: "shadowd.toml", Self.text + "[compare]\ntask = \"bin\"\n")
        #expect(throws: ConfigError.self) { try ChampionSwap.plan(path: path, champion: "candidate") }
    }
}
