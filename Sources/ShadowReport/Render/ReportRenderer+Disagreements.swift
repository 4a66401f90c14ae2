extension ReportRenderer {
    func disagreements() -> String {
        guard report.run != nil else { return absent("disagreements", "No run: no disagreements.") }
        guard let rates = report.rates else {
            return absent("disagreements", "This database has no timeline views (schema before version 4).")
        }
        guard !rates.isEmpty else { return absent("disagreements", "No shadow was compared in this run.") }
        var out = "<p class=\"lead\">Each shadow's disagreement rate per interval (any kind). The band is the run's rate "
            + "± 1.96·√(p(1−p)/n) at each interval's n — the binomial noise floor: outside it, an interval differs beyond "
            + "chance. Thin lines break the rate down by kind.</p>\n"
        let totals = ordered(rates.map(\.shadow)).flatMap { shadow in
            ordered(rates.filter { $0.shadow == shadow }.map(\.kind)).map { kind -> [String] in
                let rows = rates.filter { $0.shadow == shadow && $0.kind == kind }
                let compared = rows.reduce(0) { $0 + $1.compared }
                let count = rows.reduce(0) { $0 + $1.disagreements }
                return [shadow, kind, String(compared), String(count), NumberFormat.percent(rows.first?.runRate ?? 0, 3),
                        String(rows.filter { $0.rate > $0.runRate + $0.noise }.count),
                        String(rows.filter { $0.rate < $0.runRate - $0.noise }.count)]
            }
        }
        out += HTMLTable(columns: ["shadow", "kind", "compared", "disagreements", "rate", "intervals above band",
                                   "intervals below band"], rows: totals, numeric: [2, 3, 4, 5, 6]).html + "\n"
        for (n, shadow) in ordered(rates.map(\.shadow)).enumerated() {
            let mine = rates.filter { $0.shadow == shadow }
            let any = mine.filter { $0.kind == "any" }
            let kinds = ordered(mine.map(\.kind)).filter { $0 != "any" }
            let x = LinearScale(covering: mine.map(\.elapsed), including: [0], unit: " s")
            let highs = any.map { $0.runRate + $0.noise }
            let y = LinearScale(covering: mine.map(\.rate) + highs + mine.compactMap(\.replicaRate), including: [0],
                                percent: true)
            var chart = LineChart(id: "rate-\(n)", x: x, y: y, xLabel: "seconds since the replay began",
                                  yLabel: "disagreement rate")
            chart.bands = [ChartBand(name: "noise floor (95%)",
                                     points: any.map { ($0.elapsed, max($0.runRate - $0.noise, 0), $0.runRate + $0.noise) },
                                     color: ChartPalette.color(0))]
            chart.series = [ChartSeries(name: "\(shadow): any", points: any.map { ($0.elapsed, $0.rate) },
                                        color: ChartPalette.color(0), width: 2.2)]
            if let runRate = any.first?.runRate {
                chart.rules = [ChartRule(y: runRate, label: "run rate \(NumberFormat.percent(runRate, 2))", color: "#555")]
            }
            for (i, kind) in kinds.enumerated() {
                chart.series.append(ChartSeries(name: kind, points: mine.filter { $0.kind == kind }.map { ($0.elapsed, $0.rate) },
                                                color: ChartPalette.color(i + 1), width: 1.2))
            }
            let replica = any.filter { $0.replicaRate != nil }
            if !replica.isEmpty {
                chart.series.append(ChartSeries(name: "replica (model noise)",
                                                points: replica.map { ($0.elapsed, $0.replicaRate ?? .nan) },
                                                color: "#777", dashed: true))
            }
            out += "<h3>\(e(shadow))</h3>\n" + chart.svg + "\n"
        }
        return section("disagreements", out)
    }

    func features() -> String {
        guard report.run != nil else { return absent("features", "No run: no feature buckets.") }
        guard let features = report.features else {
            return absent("features", "This database has no feature bucket views (schema before version 4).")
        }
        let useful = features.filter { $0.topLift != nil && $0.disagreements > 0 }
        guard !useful.isEmpty else { return absent("features", "No feature buckets with disagreements in this run.") }
        var out = "<p class=\"lead\">Per feature, the value bucket where disagreements concentrate most: lift = its share "
            + "of disagreements ÷ its share of records (1 = no concentration; buckets under 1% of records are left out). "
            + "Skew is the total variation between the two bucket mixes.</p>\n"
        for (n, shadow) in ordered(useful.map(\.shadow)).enumerated() {
            let top = useful.filter { $0.shadow == shadow }.prefix(topFeatures)
            let bars = top.map { f in
                BarChart.Bar(label: "\(f.feature) \(Self.bucketRelation(f.topBucket ?? "")) \(f.topBucket ?? "")",
                             value: f.topLift ?? 0, detail: finding(f))
            }
            out += "<h3>\(e(shadow))</h3>\n"
            out += BarChart(id: "lift-\(n)", bars: Array(bars), xLabel: "lift of the top bucket",
                            reference: (1, "lift 1: no concentration"), color: ChartPalette.color(n)).svg + "\n"
            out += HTMLTable(columns: ["feature", "top bucket", "lift", "share of disagreements", "share of records",
                                       "skew", "disagreements"],
                             rows: top.map { f in
                                 [f.feature, f.topBucket ?? "-", num(f.topLift, 2),
                                  f.topShare.map { NumberFormat.percent($0) } ?? "-",
                                  f.topRecordShare.map { NumberFormat.percent($0) } ?? "-", num(f.skew, 3),
                                  String(f.disagreements)]
                             }, numeric: [2, 3, 4, 5, 6]).html + "\n"
        }
        return section("features", out)
    }

    /// "in" for a range bucket (`[0, 10)`), "=" for a value.
    static func bucketRelation(_ bucket: String) -> String {
        bucket.hasPrefix("[") || bucket.hasPrefix("(") ? "in" : "="
    }

    func finding(_ f: RunReport.FeatureLift) -> String {
        "\(NumberFormat.percent(f.topShare ?? 0, 0)) of disagreements have \(f.feature) "
            + "\(Self.bucketRelation(f.topBucket ?? "")) \(f.topBucket ?? "") "
            + "(\(NumberFormat.percent(f.topRecordShare ?? 0, 0)) of records): lift \(num(f.topLift, 2))"
    }
}
