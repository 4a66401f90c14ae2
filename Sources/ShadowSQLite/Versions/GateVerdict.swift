import ShadowCore

/// The promotion gate's judgement of one shadow: each clause with its measured value, the record count against
/// `min_records`, and whether the promotion was forced past a failure. Stored in `alias_history.gate_json`.
public struct GateVerdict: Sendable, Equatable, Codable {
    /// Why a clause's metric has no value in a run.
    public struct Unmeasurable: Error, Sendable, Equatable, Codable {
        /// A sentence naming the run and model.
        public var reason: String
        /// Creates the reason.
        public init(_ reason: String) { self.reason = reason }
    }

    /// One clause and how it fared.
    public struct ClauseResult: Sendable, Equatable, Codable {
        /// The clause in canonical form (`p99_ratio < 1.1`).
        public var clause: String
        /// The measured value; nil when it could not be measured (which fails the clause).
        public var measured: Double?
        /// Whether the measured value satisfies the clause.
        public var passed: Bool
        /// Why there is no measured value.
        public var note: String?
    }

    /// The shadow judged.
    public var shadow: String
    /// The run the evidence came from; nil when there was none.
    public var run: Int64?
    /// That run's champion.
    public var champion: String?
    /// Records the evidence covers.
    public var records: Int?
    /// The configured `min_records`.
    public var minRecords: Int
    /// Each clause in config order.
    public var clauses: [ClauseResult]
    /// Why no evidence could be found, when none was.
    public var problem: String?
    /// Every clause held and the evidence was large enough (or no gate is configured).
    public var passed: Bool
    /// The promotion went ahead despite a failed gate (`--force`).
    public var forced: Bool

    /// Judges `settings.gate` on `evidence`. With no clauses and no `min_records` the gate passes without evidence.
    public static func evaluate(_ settings: PromotionSettings, shadow: String,
                                evidence: Result<GateEvidence, GateEvidence.Missing>) -> GateVerdict {
        var verdict = GateVerdict(shadow: shadow, run: nil, champion: nil, records: nil,
                                  minRecords: settings.minRecords, clauses: [], problem: nil, passed: true,
                                  forced: false)
        let gated = !settings.gate.isEmpty || settings.minRecords > 0
        switch evidence {
        case .failure(let missing):
            verdict.problem = missing.description
            verdict.passed = !gated
            verdict.clauses = settings.gate.map {
                ClauseResult(clause: $0.description, measured: nil, passed: false, note: missing.description)
            }
        case .success(let e):
            verdict.run = e.run
            verdict.champion = e.champion
            verdict.records = e.compared
            verdict.clauses = settings.gate.map { clause in
                switch e.value(of: clause.metric) {
                case .success(let x): return ClauseResult(clause: clause.description, measured: x,
                                                          passed: clause.holds(x), note: nil)
                case .failure(let why): return ClauseResult(clause: clause.description, measured: nil,
                                                            passed: false, note: why.reason)
                }
            }
            verdict.passed = e.compared >= settings.minRecords && verdict.clauses.allSatisfy(\.passed)
        }
        return verdict
    }

    /// One sentence per reason the gate failed (empty when it passed).
    public var failures: [String] {
        if let problem, !passed { return [problem] }
        var out: [String] = []
        if let records, records < minRecords {
            out.append("run \(run.map(String.init) ?? "?") covers \(Self.show(Double(records))) records for \(shadow), "
                       + "fewer than min_records = \(Self.show(Double(minRecords)))")
        }
        for result in clauses where !result.passed {
            if let measured = result.measured {
                out.append("\(result.clause) failed: measured \(Self.show(measured)) in run \(run.map(String.init) ?? "?")")
            } else {
                out.append("\(result.clause) cannot be judged: \(result.note ?? "no value")")
            }
        }
        return out
    }

    /// A number for people: integers with thousands separators, others to 4 significant digits.
    public static func show(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        if x == x.rounded(), abs(x) < 1e15 {
            let digits = String(Int64(abs(x)))
            var grouped = ""
            for (i, c) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(c)
            }
            return (x < 0 ? "-" : "") + grouped
        }
        var scale = 1.0
        var magnitude = abs(x)
        while magnitude < 1000 { magnitude *= 10; scale *= 10 }
        while magnitude >= 10000 { magnitude /= 10; scale /= 10 }
        return "\((x * scale).rounded() / scale)"
    }
}
