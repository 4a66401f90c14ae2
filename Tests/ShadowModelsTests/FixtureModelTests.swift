import ShadowCore
import ShadowModels
import Testing

/// The demo and bench models load with the shape the replay and benchmarks expect.
@Suite struct FixtureModelTests {
    @Test(arguments: ["demo/champion.json", "demo/candidate.json"])
    func demoModels(_ path: String) throws {
        let model = try #require(try Fixtures.model(.xgboost, path) as? XGBoostModel)
        #expect(model.task == .binary)
        #expect(model.featureNames.count == 10)
        #expect(model.treeCount == 100)
    }

    @Test func benchModels() throws {
        let champion = try #require(try Fixtures.model(.xgboost, "bench/champion_30f.json") as? XGBoostModel)
        let shadow = try #require(try Fixtures.model(.xgboost, "bench/shadow_30f.json") as? XGBoostModel)
        #expect(champion.featureNames == (0..<30).map { "f" + ($0 < 10 ? "0" : "") + "\($0)" })
        #expect(shadow.featureNames == champion.featureNames)
        #expect(champion.treeCount == 150)
        #expect(shadow.treeCount == 20)
    }

    @Test func demoTrafficFeaturesMatchTheChampion() throws {
        let champion = try Fixtures.model(.xgboost, "demo/champion.json")
        let firstLine = try Fixtures.text("demo/traffic.jsonl").prefix { $0 != "\n" }
        for name in champion.featureNames { #expect(firstLine.contains("\"\(name)\":")) }
        #expect(firstLine.hasPrefix("{\"id\":\"r-000001\",\"timestamp\":\"2025-03-03T00:00:00."))
    }

    @Test func multiclassProbabilitiesSumToOne() throws {
        for path in ["models/xgb_multiclass.json", "models/lgb_multiclass.txt", "models/linear_multiclass.json"] {
            let kind: ModelSettings.Kind = path.hasSuffix(".txt") ? .lightgbm : path.contains("xgb") ? .xgboost : .linear
            let model = try Fixtures.model(kind, path)
            let row = [Double](repeating: 1, count: model.featureNames.count)
            let out = try model.predict(row).get()
            #expect(out.count == model.task.outputWidth)
            #expect(abs(out.reduce(0, +) - 1) < 1e-6, "\(path)")
        }
    }
}
