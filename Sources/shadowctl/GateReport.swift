import Foundation
import ShadowCore
import ShadowSQLite

/// How `models promote` shows the gate's verdict, and how the verdict is stored.
enum GateReport {
    /// One line for the evidence, one per clause (✓ or ✗ with the measured value).
    static func render(_ verdict: GateVerdict, settings: PromotionSettings) -> String {
        if settings.gate.isEmpty && settings.minRecords == 0 {
            return "gate: none configured ([promotion] gate is empty)"
        }
        guard let run = verdict.run else {
            return "gate for \(verdict.shadow): no evidence (\(verdict.problem ?? "no run"))"
        }
        let records = GateVerdict.show(Double(verdict.records ?? 0))
        var lines = ["gate for \(verdict.shadow) over run \(run) (champion \(verdict.champion ?? "?"), \(records) records "
                     + "compared, min_records \(GateVerdict.show(Double(verdict.minRecords)))): "
                     + (verdict.passed ? "passed" : "failed")]
        if let count = verdict.records, count < verdict.minRecords {
            lines.append("  ✗ records \(records) < min_records \(GateVerdict.show(Double(verdict.minRecords)))")
        }
        let width = verdict.clauses.map(\.clause.count).max() ?? 0
        for clause in verdict.clauses {
            let pad = String(repeating: " ", count: width - clause.clause.count)
            let value = clause.measured.map { "measured " + GateVerdict.show($0) } ?? (clause.note ?? "no value")
            lines.append("  \(clause.passed ? "✓" : "✗") \(clause.clause)\(pad)   \(value)")
        }
        return lines.joined(separator: "\n")
    }

    /// The verdict as compact JSON with sorted keys (`alias_history.gate_json`).
    static func json(_ verdict: GateVerdict) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(verdict), as: UTF8.self)
    }
}
