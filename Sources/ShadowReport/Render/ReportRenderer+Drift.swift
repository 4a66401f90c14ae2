extension ReportRenderer {
    func drift() -> String {
        guard report.run != nil else { return absent("drift", "No run: no drift statistics.") }
        guard let drift = report.drift else {
            return absent("drift", "This database has no drift table (schema before version 3).")
        }
        let triggers = report.triggers ?? []
        guard !drift.isEmpty || !triggers.isEmpty else {
            return absent("drift", "No drift statistics for this run (drift monitoring was off).")
        }
        var out = "<p class=\"lead\">Each drift statistic per window, one line per signal; dashed lines are the levels "
            + "it was compared with, vertical lines the triggers that fired (hover for the rule).</p>\n"
        // Record time when every window has one, else the window number.
        let useTime = !drift.isEmpty && drift.allSatisfy { $0.windowEnd != nil }
        var windowTime: [Int64: Double] = [:]
        for d in drift { if let t = d.windowEnd { windowTime[d.window] = max(windowTime[d.window] ?? t, t) } }
        func xOf(_ window: Int64) -> Double? { useTime ? windowTime[window] : Double(window) }
        let xs = drift.compactMap { xOf($0.window) } + triggers.compactMap { xOf($0.window) }
        let x: any ChartScale = useTime ? TimeScale(lower: xs.min() ?? 0, upper: xs.max() ?? 1)
            : LinearScale(covering: xs, including: [0])
        let xLabel = useTime ? "record time (UTC, window end)" : "window"
        for (n, statistic) in ordered(drift.map(\.statistic)).enumerated() {
            let rows = drift.filter { $0.statistic == statistic }
            let signals = ordered(rows.map(\.signal))
            let values = rows.compactMap(\.value)
            let thresholds = Set(rows.compactMap(\.threshold) + triggers.filter { $0.statistic == statistic }
                .compactMap(\.threshold)).sorted()
            let logarithmic = statistic.contains("pvalue") || statistic.contains("p_value")
            let y: any ChartScale = logarithmic ? LogScale(covering: values + thresholds)
                : LinearScale(covering: values + thresholds, including: [0])
            var chart = LineChart(id: "drift-\(n)", x: x, y: y, xLabel: xLabel, yLabel: statistic)
            chart.series = signals.prefix(ChartPalette.colors.count).enumerated().map { i, signal in
                ChartSeries(name: signal, points: rows.filter { $0.signal == signal }.map {
                    (xOf($0.window) ?? .nan, $0.value ?? .nan)
                }, color: ChartPalette.color(i))
            }
            chart.rules = thresholds.map { ChartRule(y: $0, label: "level \(NumberFormat.short($0))", color: "#c0392b") }
            chart.marks = triggers.filter { t in
                t.statistic == nil || t.statistic == statistic || signals.contains(t.signal ?? "")
            }.compactMap { t in
                xOf(t.window).map { ChartMark(x: $0, label: t.level, detail: triggerText(t), color: levelColor(t.level)) }
            }
            out += "<h3>\(e(statistic))</h3>\n" + chart.svg + "\n"
            if signals.count > ChartPalette.colors.count {
                out += "<p class=\"note\">\(signals.count - ChartPalette.colors.count) more signals not drawn "
                    + "(shadowctl query drift lists every value).</p>\n"
            }
        }
        if triggers.isEmpty {
            out += "<p class=\"note\">No trigger fired.</p>\n"
        } else {
            out += "<h3>Triggers</h3>\n" + HTMLTable(
                columns: ["window", "at", "rule", "level", "signal", "value", "threshold", "hook exit"],
                rows: triggers.map { t in
                    [String(t.window), t.at ?? "-", t.rule, t.level, t.signal ?? "-", num(t.value, 4), num(t.threshold, 4),
                     t.hookExit.map(String.init) ?? "-"]
                }, numeric: [0, 5, 6, 7]).html + "\n"
        }
        return section("drift", out)
    }

    func triggerText(_ t: RunReport.TriggerRow) -> String {
        "\(t.rule) \(t.level) at window \(t.window)\(t.at.map { " (\($0))" } ?? ""): \(t.signal ?? "signal") = "
            + "\(num(t.value, 4)), level \(num(t.threshold, 4))"
    }

    func levelColor(_ level: String) -> String {
        switch level {
        case "warn": return "#e39b1b"
        case "alert": return "#c0392b"
        default: return "#7d3c98"
        }
    }
}
