extension LoadReport {
    /// The load section of the replay summary: rates and lag, per model latency (corrected) beside service time
    /// (uncorrected), cap hits, timeouts and errors, then one line per latency verdict.
    public var text: String {
        var lines: [String] = []
        let offered = offeredRate.map { NumberFormat.fixed($0, 1) + "/s" } ?? "n/a (closed loop)"
        lines.append("load \(profile): offered \(offered), achieved \(NumberFormat.fixed(achievedRate, 1))/s over "
            + "\(NumberFormat.fixed(seconds, 2)) s; scheduler lag p50 \(NumberFormat.fixed(lagP50Ms, 3)) ms, "
            + "p99 \(NumberFormat.fixed(lagP99Ms, 3)) ms, max \(NumberFormat.fixed(lagMaxMs, 3)) ms")
        let rows = models.map { m in
            [m.name, NumberFormat.fixed(m.p50Ms, 3), NumberFormat.fixed(m.p99Ms, 3), NumberFormat.fixed(m.maxMs, 3),
             NumberFormat.fixed(m.serviceP50Ms, 3), NumberFormat.fixed(m.serviceP99Ms, 3),
             NumberFormat.fixed(m.achievedRate, 1), NumberFormat.grouped(m.capHits), NumberFormat.grouped(m.timeouts),
             NumberFormat.grouped(m.errors)]
        }
        lines += SummaryText.table(header: ["model", "p50 ms", "p99 ms", "max ms", "service p50", "service p99",
                                            "answers/s", "cap hits", "timeouts", "errors"], rows: rows, rightFrom: 1)
        if !verdicts.isEmpty {
            lines.append("latency verdicts (service time, 95% bootstrap over interval histograms):")
            lines += verdicts.map { "  " + $0.sentence }
        }
        return lines.joined(separator: "\n")
    }
}
