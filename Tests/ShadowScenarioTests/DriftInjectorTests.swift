import ShadowCore
import Testing
@testable import ShadowScenario

@Suite struct DriftInjectorTests {
    static let schema = FeatureSchema(names: ["x0", "x1", "c"])

    static func record(line: Int, x0: Double = 1, x1: Double = 2, label: Double = 0, timeMs: Double? = nil) -> TrafficRecord {
        TrafficRecord(id: "\(line)", epochMs: timeMs, features: [x0, x1, 3], label: .number(label), featuresJSON: 0..<0,
                      position: SourcePosition(file: "f", line: line, byteOffset: 0))
    }

    @Test func abruptShiftStartsAtTheRecordIndex() throws {
        let injector = try DriftInjector(settings: ScenarioSettings(scenarios: [
            .init(kind: .shift, features: ["x0"], atRecord: 10, amount: 2.5)]), schema: Self.schema)
        var before = Self.record(line: 10)
        var after = Self.record(line: 11)
        injector.apply(to: &before, index: 9)
        injector.apply(to: &after, index: 10)
        #expect(before.features[0] == 1)
        #expect(after.features[0] == 3.5)
        #expect(after.features[1] == 2)
    }

    @Test func gradualScaleRampsLinearlyOverTheWidth() throws {
        let injector = try DriftInjector(settings: ScenarioSettings(scenarios: [
            .init(kind: .scale, features: ["x1"], atRecord: 0, width: 4, factor: 3)]), schema: Self.schema)
        let scaled = (0..<6).map { i -> Double in
            var r = Self.record(line: i + 1)
            injector.apply(to: &r, index: i)
            return r.features[1]
        }
        #expect(scaled == [3, 4, 5, 6, 6, 6])
    }

    @Test func randomChoicesDependOnlyOnSeedAndIndex() throws {
        let settings = ScenarioSettings(scenarios: [
            .init(kind: .noise, features: ["x0"], seed: 7, sd: 1),
            .init(kind: .labelFlip, seed: 7, rate: 0.3)])
        let injector = try DriftInjector(settings: settings, schema: Self.schema)
        func run(_ order: [Int]) -> [Int: (Double, FeatureValue?)] {
            var out: [Int: (Double, FeatureValue?)] = [:]
            for i in order {
                var r = Self.record(line: i + 1)
                injector.apply(to: &r, index: i)
                out[i] = (r.features[0], r.label)
            }
            return out
        }
        let forward = run(Array(0..<500))
        let backward = run(Array((0..<500).reversed()))
        #expect(forward.keys.allSatisfy { forward[$0]!.0 == backward[$0]!.0 && forward[$0]!.1 == backward[$0]!.1 })
        let flips = forward.values.filter { $0.1 == .number(1) }.count
        #expect((110...190).contains(flips))
        let noise = forward.values.map { $0.0 - 1 }
        let mean = noise.reduce(0, +) / Double(noise.count)
        #expect(abs(mean) < 0.15)
    }

    @Test func conceptRuleRelabelsFromItsStart() throws {
        let injector = try DriftInjector(settings: ScenarioSettings(scenarios: [
            .init(kind: .concept, atRecord: 5, rule: "x0 + x1 > 7")]), schema: Self.schema)
        var low = Self.record(line: 7, x0: 1, x1: 2, label: 1)
        var high = Self.record(line: 8, x0: 5, x1: 4, label: 0)
        var early = Self.record(line: 1, x0: 5, x1: 4, label: 0)
        injector.apply(to: &low, index: 6)
        injector.apply(to: &high, index: 7)
        injector.apply(to: &early, index: 0)
        #expect(low.label == .number(0))
        #expect(high.label == .number(1))
        #expect(early.label == .number(0))
    }

    @Test func timeWarpStretchesAfterItsInstant() throws {
        let injector = try DriftInjector(settings: ScenarioSettings(scenarios: [
            .init(kind: .timeWarp, atTimeMs: 10_000, factor: 2, offsetSeconds: 1)]), schema: Self.schema)
        var before = Self.record(line: 1, timeMs: 5_000)
        var after = Self.record(line: 2, timeMs: 20_000)
        injector.apply(to: &before, index: 0)
        injector.apply(to: &after, index: 1)
        #expect(before.epochMs == 5_000)
        let warped = try #require(after.epochMs)
        #expect(warped == 31_000)
    }

    @Test func categoryRemapAndMissingValues() throws {
        let injector = try DriftInjector(settings: ScenarioSettings(scenarios: [
            .init(kind: .category, features: ["c"], map: ["3": "b"]),
            .init(kind: .missing, features: ["x1"], rate: 1)]), schema: Self.schema)
        var r = Self.record(line: 1)
        injector.apply(to: &r, index: 0)
        #expect(r.strings?[2] == "b")
        #expect(r.features[2].isNaN)
        #expect(r.features[1].isNaN)
    }

    @Test func unknownFeaturesAndBadRulesAreNamed() {
        #expect(throws: ScenarioError.self) {
            try DriftInjector(settings: ScenarioSettings(scenarios: [.init(kind: .shift, features: ["nope"], amount: 1)]),
                              schema: Self.schema)
        }
        do {
            _ = try DriftInjector(settings: ScenarioSettings(scenarios: [.init(kind: .concept, rule: "x0 + > 3")]),
                                  schema: Self.schema)
            Issue.record("a bad rule was accepted")
        } catch {
            #expect(error.code == .badRule)
            #expect(error.description.hasPrefix("scenario[0].rule:"))
        }
    }

    @Test func linearRulesParseBothSides() throws {
        let rule = try LinearRule.parse("2*x0 - 0.5 * x1 + 1 >= x1 + 3")
        #expect(rule.comparison == .greaterOrEqual)
        #expect(rule.coefficients.map(\.name) == ["x0", "x1"])
        #expect(rule.coefficients.map(\.weight) == [2, -1.5])
        #expect(rule.constant == -2)
        #expect(rule.evaluate([2, 0]) == 1)
        #expect(rule.evaluate([0, 0]) == 0)
        #expect(try LinearRule.parse("3 * x2 + 1").comparison == nil)
    }
}
