import Foundation
import ShadowBacktest
import ShadowCore
import ShadowModels

/// `shadow-bench backtest STREAMS_DIR [--records N]`: retraining strategies on the drift issue's streams
/// (abrupt/gradual concept drift, stable) with verdicts, then the N-record / 3-strategy timing (default 1M).
extension ShadowBench {
    static let backtestStrategies = """
        label_delay_s = 3600
        points = 100
        [[strategy]]
        name = "never"
        [[strategy]]
        name = "periodic"
        retrain = "periodic"
        every_records = 1000
        window_records = 2000
        [[strategy]]
        name = "drift-trigger"
        retrain = "trigger"
        signal = "error_increase"
        warn = 0.03
        alert = 0.05
        window = 500
        consecutive = 2
        window_records = 2000
        [[strategy]]
        name = "ddm"
        retrain = "detector"
        detector = "ddm"
        window_records = 2000
        """

    static func backtestCommand(_ args: [String]) async throws -> Int32 {
        let folder = args[0]
        let records = args.firstIndex(of: "--records").map { Int(args[$0 + 1])! } ?? 1_000_000
        let settings = try StrategyFile.parse(backtestStrategies, file: "bench")
        var failed = false
        for stream in ["abrupt_concept", "gradual_concept", "stable"] {
            let timeline = try LabelledTimeline.load(files: ["\(folder)/\(stream).jsonl"], source: SourceSettings(),
                                                     featureNames: ["x0", "x1", "x2"], task: .binary)
            let initial = try initialModel(timeline, rows: 2000)
            let results = try await Backtest(timeline: timeline, settings: settings, task: .binary).run(initial: initial)
            print("\n\(stream) (\(timeline.count) records, labels 1 h late)")
            print(BacktestTable.render(results))
            let by = Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0) })
            let never = by["never"]!, periodic = by["periodic"]!, trigger = by["drift-trigger"]!
            if stream == "stable" {
                let ok = trigger.retrains.isEmpty
                print("verdict: drift-trigger retrains \(trigger.retrains.count) times on the stable stream: \(ok ? "yes (0)" : "NO")")
                failed = failed || !ok
            } else {
                let better = trigger.metric > never.metric
                let gain = { (r: StrategyResult) in (r.metric - never.metric) / Double(max(r.promotedCount, 1)) }
                let perRetrain = trigger.promotedCount > 0 && gain(trigger) > gain(periodic)
                print("verdict: drift-trigger mean accuracy > never: \(better ? "yes" : "NO"); "
                      + "accuracy gain per retrain > periodic: \(perRetrain ? "yes" : "NO") "
                      + "(\(BacktestTable.fixed(gain(trigger), 4)) vs \(BacktestTable.fixed(gain(periodic), 4)))")
                failed = failed || !better || !perRetrain
            }
        }
        let seconds = try await backtestTiming(records: records)
        let ok = seconds < 60
        print("\ntiming: \(records) records, 3 strategies (never, periodic expanding, drift-trigger), built-in trainer: "
              + "\(BacktestTable.fixed(seconds, 2)) s including reading the file (target < 60 s): \(ok ? "yes" : "NO")")
        return failed || !ok ? 1 : 0
    }

    /// The champion at deployment: the built-in trainer on the first `rows` records.
    static func initialModel(_ timeline: LabelledTimeline, rows: Int) throws -> any EmbeddedModel {
        var window = TrainingWindow(width: timeline.width)
        for r in 0..<min(rows, timeline.count) {
            window.append(timeline.values[(r * timeline.width)..<((r + 1) * timeline.width)], label: timeline.labels[r])
        }
        return try LinearTrainer.train(window, featureNames: timeline.featureNames, task: .binary).model
    }

    /// Writes an N-record SEA-like JSONL stream (concept 8 → 7 at N/2, 10 % noise), then times loading it and a
    /// 3-strategy backtest.
    static func backtestTiming(records n: Int) async throws -> Double {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shadowd-bt-\(getpid()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var rng = SplitMix64(seed: 42)
        var text = ""
        text.reserveCapacity(n * 110)
        for i in 0..<n {
            let x = (0..<3).map { _ in Double(rng.next() >> 11) / Double(1 << 53) * 10 }
            var y = x[0] + x[1] > (i < n / 2 ? 8 : 7)
            if rng.next() % 10 == 0 { y.toggle() }
            text += "{\"id\":\(i),\"epoch_ms\":\(1_704_067_200_000 + i * 30_000),\"features\":{\"x0\":\(x[0]),\"x1\":\(x[1]),\"x2\":\(x[2])},\"label\":\(y ? 1 : 0)}\n"
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let settings = try StrategyFile.parse("""
            label_delay_s = 3600
            [[strategy]]
            name = "never"
            [[strategy]]
            name = "periodic"
            retrain = "periodic"
            every_records = 100000
            data = "expanding"
            [[strategy]]
            name = "drift-trigger"
            retrain = "trigger"
            signal = "error_increase"
            alert = 0.05
            window = 500
            consecutive = 2
            window_records = 20000
            """, file: "timing")
        let start = DispatchTime.now().uptimeNanoseconds
        let timeline = try LabelledTimeline.load(files: [path], source: SourceSettings(), featureNames: ["x0", "x1", "x2"],
                                                 task: .binary)
        let initial = try initialModel(timeline, rows: 2000)
        let results = try await Backtest(timeline: timeline, settings: settings, task: .binary).run(initial: initial)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(BacktestTable.render(results))
        return seconds
    }
}
