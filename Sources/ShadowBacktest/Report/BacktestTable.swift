/// The ranking table printed after a backtest: one line per strategy, best first.
public enum BacktestTable {
    /// Renders `results` (ranked) as an aligned text table. `gain/retrain` is the metric gained over the
    /// strategy that never retrained (if any) per retrain whose model served.
    public static func render(_ results: [StrategyResult], timeUnit: String = "h") -> String {
        let ordered = results.sorted { $0.rank < $1.rank }
        let baseline = results.first { $0.retrains.isEmpty }
        let metricName = results.first?.metricName ?? "accuracy"
        let divisor = timeUnit == "h" ? 3600.0 : 1
        var rows = [["rank", "strategy", metricName, "retrains", "served", "train s", "gain/retrain", "label delay",
                     "mean age", "stale"]]
        for r in ordered {
            var gain = "-"
            if let baseline, r.promotedCount > 0 {
                let delta = r.metricName == "rmse" ? baseline.metric - r.metric : r.metric - baseline.metric
                gain = fixed(delta / Double(r.promotedCount), 4)
            }
            rows.append([String(r.rank), r.name, fixed(r.metric, 4), String(r.retrains.count), String(r.promotedCount),
                         fixed(r.trainSeconds, 3), gain, fixed(r.labelDelay / divisor, 1) + timeUnit,
                         fixed(r.meanAge / divisor, 1) + timeUnit, fixed(r.stale / divisor, 1) + timeUnit])
        }
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == 1 ? cell.padding(widths[c]) : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// `x` with `digits` decimals (no Foundation).
    public static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let negative = x < 0
        let scaled = (abs(x) * scale).rounded()
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled - Double(whole) * scale)
        var text = String(whole)
        if digits > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return (negative && scaled != 0 ? "-" : "") + text
    }
}

extension String {
    /// Pads with spaces on the right to `width` characters.
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
