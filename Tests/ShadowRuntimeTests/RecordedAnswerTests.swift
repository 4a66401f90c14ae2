import Foundation
import Testing
import ShadowCore
@testable import ShadowRuntime

/// Replayed answers compared with what production recorded: counts per model in the summary, and the recorded
/// JSON kept on each disagreement row.
@Suite struct RecordedAnswerTests {
    @Test func everyModelIsComparedWithTheRecordedAnswers() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        // 1,000 records with x = 0…999. Production answered x/1000, except: records 0–9 answered as a label
        // object the comparison cannot read a number from, records 10–19 carry no answer, records 20–29 answered
        // 1 − x/1000 (flips below 0.5 … never above, so: x < 500 flips when 1 − x/1000 ≥ 0.5 > x/1000).
        var lines: [String] = []
        for i in 0..<1000 {
            let recorded: String
            switch i {
            case 0..<10: recorded = #","recorded":{"label":"yes","tag":"x"}"#
            case 10..<20: recorded = ""
            case 20..<30: recorded = ",\"recorded\":{\"predicted_label\":1,\"p1\":\(1 - Double(i) / 1000)}"
            default: recorded = ",\"recorded\":[\(1 - Double(i) / 1000),\(Double(i) / 1000)]"
            }
            lines.append("{\"id\":\"r-\(i)\",\"features\":{\"x\":\(i)}\(recorded)}")
        }
        let input = try dir.file("traffic.jsonl", lines.joined(separator: "\n") + "\n")
        let champion = ScriptedModel(name: "champ", role: .champion) { .success($0.features[0] / 1000) }
        let shadow = ScriptedModel(name: "cand", role: .shadow) { record in
            let x = record.features[0]
            if x == 500 { return .failure(.timeout) }
            return .success(x >= 900 ? x / 1000 + 0.05 : x / 1000)   // 100 score deltas against both
        }
        var settings = ShadowSettings(models: [])
        settings.compare = CompareSettings(task: .binary, threshold: 0.5, absTolerance: 0.01)
        settings.replay = ReplaySettings(batchSize: 64, maxInFlight: 4)
        let set = ModelSet(models: [champion, shadow], comparator: Comparator(settings: settings.compare),
                           schema: FeatureSchema(names: ["x"]), storeFeatures: true)
        let store = MemoryReplayStore()
        let summary = try await ReplayEngine(settings: settings, modelSet: set, store: store)
            .run(inputs: [input], configPath: "test.toml")

        #expect(summary.recorded.map(\.model) == ["champ", "cand"])
        let champ = summary.recorded[0], cand = summary.recorded[1]
        #expect(champ.compared == 990 && cand.compared == 990)
        #expect(champ.unreadable == 10 && cand.unreadable == 10)
        // Records 20–29: production said ≈ 0.98 (label 1), the models say ≈ 0.02 (label 0).
        #expect(champ.labelFlip == 10 && champ.scoreDelta == 0 && champ.modelError == 0)
        #expect(champ.agreed == 970)
        #expect(cand.labelFlip == 10 && cand.scoreDelta == 100 && cand.modelError == 1)
        #expect(cand.agreed == 869)

        // Disagreement rows (champion vs shadow) keep the recorded JSON, or NULL when the line had none.
        let rows = try #require(store.run(summary.run)).disagreements
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.recordID, $0) })
        #expect(byID["r-500"]?.recordedJSON == "[0.5,0.5]")
        #expect(byID["r-950"]?.recordedJSON == "[0.050000000000000044,0.95]")
        let decoded = try JSONDecoder().decode(RunSummary.self, from: try JSONEncoder().encode(summary))
        #expect(decoded.recorded == summary.recorded)
    }

    @Test func summariesStoredBeforeRecordedAnswersStillDecode() throws {
        let old = #"{"run":3,"records":5,"rejects":0,"seconds":1.5,"models":[],"shadows":[]}"#
        let summary = try JSONDecoder().decode(RunSummary.self, from: Data(old.utf8))
        #expect(summary.run == 3 && summary.recorded.isEmpty)
    }
}

