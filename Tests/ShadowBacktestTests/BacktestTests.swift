import ShadowCore
import ShadowModels
import ShadowScenario
import Testing
@testable import ShadowBacktest

@Suite struct BacktestTests {
    /// 12 000 records a minute apart; the concept `x0 + x1 > 8` becomes `x0 + x1 > 12` at record 6 000 when
    /// `drift`; 5 % label noise.
    static func timeline(drift: Bool) -> LabelledTimeline {
        var t = LabelledTimeline(featureNames: ["x0", "x1"])
        for i in 0..<12_000 {
            let a = CounterRandom.uniform(seed: 3, scenario: 0, index: i, stream: 0) * 10
            let b = CounterRandom.uniform(seed: 3, scenario: 0, index: i, stream: 1) * 10
            var y: Double = a + b > (drift && i >= 6000 ? 12 : 8) ? 1 : 0
            if CounterRandom.uniform(seed: 3, scenario: 0, index: i, stream: 2) < 0.05 { y = 1 - y }
            t.append(features: [a, b], label: y, timeMs: 1_704_067_200_000 + Double(i) * 60_000)
        }
        return t
    }

    static let initial = LinearModel(featureNames: ["x0", "x1"], link: .logistic, intercepts: [-16],
                                     coefficients: [[2, 2]])

    static let strategies = """
        label_delay_s = 600
        points = 40
        [[strategy]]
        name = "never"
        [[strategy]]
        name = "six-hourly"
        retrain = "periodic"
        every_s = 21600
        window_records = 1000
        [[strategy]]
        name = "on-error"
        retrain = "trigger"
        signal = "error_increase"
        warn = 0.05
        alert = 0.1
        window = 200
        window_records = 1000
        [[strategy]]
        name = "gated"
        retrain = "detector"
        detector = "ddm"
        window_records = 1000
        shadow_records = 300
        gate = ["accuracy_delta > 0"]
        """

    @Test func driftTriggeredRetrainingBeatsNeverAndPeriodicPerRetrain() async throws {
        let settings = try StrategyFile.parse(Self.strategies, file: "s.toml")
        let results = try await Backtest(timeline: Self.timeline(drift: true), settings: settings, task: .binary)
            .run(initial: Self.initial)
        let byName = Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0) })
        let never = byName["never"]!, periodic = byName["six-hourly"]!, trigger = byName["on-error"]!, gated = byName["gated"]!
        #expect(never.retrains.isEmpty)
        #expect(trigger.metric > never.metric + 0.05)
        #expect(!trigger.retrains.isEmpty && trigger.retrains.count <= 3)
        #expect(trigger.retrains[0].index > 6000 && trigger.retrains[0].index < 7500)
        let gain = { (r: StrategyResult) in (r.metric - never.metric) / Double(r.promotedCount) }
        #expect(gain(trigger) > gain(periodic))
        #expect(gated.promotedCount >= 1 && gated.metric > never.metric)
        #expect(results.map(\.rank).sorted() == [1, 2, 3, 4])
        #expect(never.stale > 0 && trigger.stale < never.stale)
        #expect(BacktestTable.render(results).contains("on-error"))
    }

    @Test func aStableStreamRetrainsNothingOnTriggers() async throws {
        let settings = try StrategyFile.parse(Self.strategies, file: "s.toml")
        let results = try await Backtest(timeline: Self.timeline(drift: false), settings: settings, task: .binary)
            .run(initial: Self.initial)
        #expect(results.first { $0.name == "on-error" }!.retrains.isEmpty)
        #expect(results.first { $0.name == "six-hourly" }!.retrains.count == 33)
    }

    @Test func periodicByRecordsCountsRecordsNotSeconds() async throws {
        let settings = try StrategyFile.parse("""
            [[strategy]]
            name = "every-1000"
            retrain = "periodic"
            every_records = 1000
            data = "expanding"
            """, file: "s.toml")
        let result = try await Backtest(timeline: Self.timeline(drift: false), settings: settings, task: .binary)
            .run(initial: Self.initial)[0]
        #expect(result.retrains.map(\.index) == Array(stride(from: 1000, through: 11000, by: 1000)))
        #expect(result.retrains.last!.rows == 11000)
    }

    @Test func strategyFileErrorsNameTheLineAndKey() {
        do {
            _ = try StrategyFile.parse("[[strategy]]\nname = \"a\"\nretrain = \"trigger\"\nsignal = \"error\"\n", file: "s.toml")
            Issue.record("a trigger without an alert level was accepted")
        } catch {
            #expect(error.description == "s.toml:1: strategy[0].alert: a trigger strategy needs an alert level")
        }
        do {
            _ = try StrategyFile.parse("[[strategy]]\nname = \"a\"\nshadow_records = 5\ngate = [\"acc > 0\"]\n", file: "s.toml")
            Issue.record("an unknown gate metric was accepted")
        } catch {
            #expect(error.line == 4)
            #expect(error.message.contains("unknown metric \"acc\""))
        }
    }
}
