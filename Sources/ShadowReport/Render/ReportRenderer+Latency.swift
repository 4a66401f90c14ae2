extension ReportRenderer {
    func latency() -> String {
        guard report.run != nil else { return absent("latency", "No run: no latency.") }
        guard !report.latency.isEmpty else { return absent("latency", "No latency rows for this run.") }
        var out = "<p class=\"lead\">Latency percentile distribution per model, from each model's HDR histogram "
            + "(coordinated-omission corrected for open-loop profiles). The x axis is HdrHistogram's: each step is one "
            + "more nine.</p>\n"
        let roles = Dictionary(report.models.map { ($0.name, $0.role) }, uniquingKeysWith: { a, _ in a })
        let table = HTMLTable(
            columns: ["model", "role", "requests", "errors", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "answers/s"],
            rows: report.latency.map { l in
                [l.model, roles[l.model] ?? "", String(l.count), String(l.errors), ms(l.p50), ms(l.p90), ms(l.p99),
                 ms(l.p999), ms(l.max), num(l.throughput, 1)]
            }, numeric: Set(2...9))
        out += table.html + "\n"
        let curves = report.latency.compactMap { l in l.curve.map { (l.model, $0) } }.filter { !$0.1.points.isEmpty }
        if curves.isEmpty {
            out += "<p class=\"note\">No histogram could be decoded"
                + (report.latency.compactMap(\.decodeError).first.map { ": " + e($0) } ?? "") + ".</p>\n"
        } else {
            let x = PercentileScale(count: curves.map(\.1.count).max() ?? 100)
            // Linear like HdrHistogram's plots, unless the tail is so long (max ≥ 30 × median) that the body would be a
            // flat line at zero: then a log axis.
            let all = curves.flatMap { $0.1.points.map(\.milliseconds) }
            let medians = curves.compactMap { $0.1.milliseconds(atPercentile: 50) }.filter { $0 > 0 }
            let logarithmic = (all.max() ?? 0) >= 30 * (medians.min() ?? .infinity)
            let y: any ChartScale = logarithmic ? LogScale(covering: all) : LinearScale(covering: all, including: [0])
            var chart = LineChart(id: "latency-percentiles", x: x, y: y, xLabel: "percentile",
                                  yLabel: logarithmic ? "latency (ms, log scale)" : "latency (ms)")
            chart.series = curves.enumerated().map { i, c in
                ChartSeries(name: c.0, points: c.1.points.map { ($0.percentile, $0.milliseconds) },
                            color: ChartPalette.color(i))
            }
            out += chart.svg + "\n"
            for l in report.latency where l.decodeError != nil {
                out += "<p class=\"note\">\(e(l.model)): \(e(l.decodeError ?? "")).</p>\n"
            }
        }
        return section("latency", out)
    }

    func throughput() -> String {
        guard report.run != nil else { return absent("throughput", "No run: no timeline.") }
        guard let intervals = report.intervals else {
            return absent("throughput", "This database has no timeline table (schema before version 4).")
        }
        guard !intervals.isEmpty else { return absent("throughput", "No timeline rows for this run.") }
        let models = ordered(intervals.map(\.model))
        let x = LinearScale(covering: intervals.map(\.elapsed), including: [0], unit: " s")
        var out = "<p class=\"lead\">Answers per second and p99 latency per interval of the replay "
            + "(1 s of wall clock or 32,768 records, whichever came first).</p>\n"
        var rate = LineChart(id: "throughput-chart", x: x,
                             y: LinearScale(covering: intervals.compactMap(\.throughput), including: [0]),
                             xLabel: "seconds since the replay began", yLabel: "answers per second")
        rate.series = models.enumerated().map { i, m in
            ChartSeries(name: m, points: intervals.filter { $0.model == m }.map { ($0.elapsed, $0.throughput ?? .nan) },
                        color: ChartPalette.color(i))
        }
        out += "<h3>Throughput</h3>\n" + rate.svg + "\n"
        let p99s = intervals.compactMap(\.p99)
        if !p99s.isEmpty {
            var p99 = LineChart(id: "interval-p99-chart", x: x, y: LinearScale(covering: p99s, including: [0]),
                                xLabel: "seconds since the replay began", yLabel: "p99 latency (ms)")
            p99.series = models.enumerated().map { i, m in
                ChartSeries(name: m, points: intervals.filter { $0.model == m }.map { ($0.elapsed, $0.p99 ?? .nan) },
                            color: ChartPalette.color(i))
            }
            out += "<h3>p99 latency per interval</h3>\n" + p99.svg + "\n"
        }
        let errors = intervals.reduce(0) { $0 + $1.errors }
        if errors > 0 { out += "<p class=\"note\">\(errors) failed requests over the timeline.</p>\n" }
        return section("throughput", out)
    }

    /// Milliseconds with 4 significant digits (sub-microsecond embedded models stay readable).
    func ms(_ value: Double) -> String { NumberFormat.short(value) }

    /// The distinct names in first-seen order, the run's models' order first.
    func ordered(_ names: [String]) -> [String] {
        var seen = Set<String>()
        let known = report.models.map(\.name).filter { names.contains($0) }
        return (known + names).filter { seen.insert($0).inserted }
    }
}
