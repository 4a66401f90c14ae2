extension ReportRenderer {
    func backtest() -> String {
        guard let bt = report.backtest else {
            return absent("backtest", report.backtestNote ?? "No backtest in this report.")
        }
        let metricName = bt.strategies.first?.metricName ?? "metric"
        var out = "<p class=\"lead\">Backtest <code>\(e(bt.id))</code> (\(e(bt.createdAt)), \(bt.records) records"
            + "\(bt.inputs.isEmpty ? "" : " of " + e(bt.inputs.map(ReportLoader.normalized).joined(separator: ", ")))): each strategy's \(e(metricName)) "
            + "over time on one time axis; vertical lines mark its retrains.</p>\n"
        let useTime = bt.strategies.allSatisfy { s in s.points.allSatisfy { $0.timeMs != nil } }
            && bt.strategies.contains { !$0.points.isEmpty }
        func xOf(_ index: Int64, _ time: Double?) -> Double { useTime ? (time ?? .nan) : Double(index) }
        let xs = bt.strategies.flatMap { s in s.points.map { xOf($0.index, $0.timeMs) } }.filter(\.isFinite)
        let x: any ChartScale = useTime ? TimeScale(lower: xs.min() ?? 0, upper: xs.max() ?? 1)
            : LinearScale(covering: xs, including: [0])
        let metrics = bt.strategies.flatMap { $0.points.compactMap(\.metric) }
        if !metrics.isEmpty {
            let y = metricName == "accuracy" ? LinearScale(covering: metrics, percent: true) : LinearScale(covering: metrics)
            var chart = LineChart(id: "backtest-chart", x: x, y: y,
                                  xLabel: useTime ? "record time (UTC)" : "record index", yLabel: metricName)
            chart.height = 340
            for (i, s) in bt.strategies.enumerated() {
                let color = ChartPalette.color(i)
                chart.series.append(ChartSeries(name: s.name, points: s.points.map { (xOf($0.index, $0.timeMs), $0.metric ?? .nan) },
                                                color: color))
                chart.marks += s.retrainInstants.map { r in
                    let at = xOf(r.index, r.timeMs)
                    let when = useTime ? x.describe(at) : "record \(r.index)"
                    return ChartMark(x: at, label: "", detail: "\(s.name) retrained at \(when)"
                                     + (r.promoted ? "" : " (not promoted)"), color: color)
                }
            }
            out += chart.svg + "\n"
        } else {
            out += "<p class=\"note\">The backtest has no metric points.</p>\n"
        }
        out += "<h3>Ranking</h3>\n" + HTMLTable(
            columns: ["rank", "strategy", metricName, "retrains", "promoted", "train s", "label delay", "mean model age",
                      "time stale", "what it does"],
            rows: bt.strategies.map { s in
                [String(s.rank), s.name, num(s.metric, 4), String(s.retrains), String(s.promoted), num(s.trainSeconds, 3),
                 hours(s.labelDelay), hours(s.meanAge), hours(s.stale), s.summary]
            }, numeric: Set(0...8).subtracting([1])).html + "\n"
        return section("backtest", out)
    }

    /// Seconds as hours with one decimal (`14.2 h`), as `shadowctl backtest` prints them.
    func hours(_ seconds: Double) -> String { NumberFormat.fixed(seconds / 3600, 1) + " h" }
}
