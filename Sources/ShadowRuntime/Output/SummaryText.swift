import ShadowCore

/// The human-readable replay summary `shadowctl replay` prints.
public enum SummaryText {
    /// Renders the summary as aligned text tables.
    public static func render(_ summary: RunSummary, database: String) -> String {
        var lines: [String] = []
        lines.append("run \(summary.run): \(NumberFormat.grouped(summary.records)) records in "
            + "\(NumberFormat.fixed(summary.seconds, 2)) s (\(NumberFormat.grouped(Int(summary.recordsPerSecond.rounded()))) records/s), "
            + "\(NumberFormat.grouped(summary.rejects)) rejected")
        lines.append("")
        let modelRows = summary.models.map { m in
            [m.name, m.role, NumberFormat.grouped(m.requests), NumberFormat.grouped(m.errors),
             NumberFormat.fixed(m.p50Ms, 4), NumberFormat.fixed(m.p99Ms, 4),
             NumberFormat.grouped(Int(m.throughput.rounded()))]
        }
        lines += table(header: ["model", "role", "requests", "errors", "p50 ms", "p99 ms", "answers/s"],
                       rows: modelRows, rightFrom: 2)
        for m in summary.models {
            guard let p = m.process else { continue }
            lines.append("process \(m.name): \(NumberFormat.grouped(p.restarts)) restarts, "
                + "\(NumberFormat.fixed(p.cpuSeconds, 2)) s CPU, peak RSS \(NumberFormat.grouped(p.peakRssKb)) KiB")
        }
        if !summary.shadows.isEmpty {
            lines.append("")
            let shadowRows = summary.shadows.map { s in
                [s.name, NumberFormat.grouped(s.compared), NumberFormat.grouped(s.labelFlip),
                 NumberFormat.grouped(s.scoreDelta), NumberFormat.grouped(s.shadowError),
                 NumberFormat.fixed(s.compared > 0 ? 100 * Double(s.total) / Double(s.compared) : 0, 2) + "%"]
            }
            lines += table(header: ["shadow", "compared", "label_flip", "score_delta", "shadow_error", "rate"],
                           rows: shadowRows, rightFrom: 1)
        }
        if !summary.recorded.isEmpty {
            lines.append("")
            let recordedRows = summary.recorded.map { r in
                [r.model, NumberFormat.grouped(r.compared), NumberFormat.grouped(r.agreed),
                 NumberFormat.grouped(r.labelFlip), NumberFormat.grouped(r.scoreDelta),
                 NumberFormat.grouped(r.modelError), NumberFormat.grouped(r.unreadable),
                 NumberFormat.fixed(r.compared > 0 ? 100 * Double(r.agreed) / Double(r.compared) : 0, 2) + "%"]
            }
            lines += table(header: ["vs recorded", "compared", "agreed", "label_flip", "score_delta", "model_error",
                                    "unreadable", "agreement"], rows: recordedRows, rightFrom: 1)
        }
        lines.append("")
        lines.append("database: \(database)")
        return lines.joined(separator: "\n")
    }

    static func table(header: [String], rows: [[String]], rightFrom: Int) -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in NumberFormat.pad(cell, widths[i], right: i >= rightFrom) }
                .joined(separator: "  ")
        }
        return [line(header)] + rows.map(line)
    }
}
