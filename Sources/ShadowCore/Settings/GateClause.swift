/// One promotion-gate clause, `metric operator number` (`disagreement_rate < 0.02`), measured over a run.
public struct GateClause: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// What a clause measures about a shadow in a run.
    public enum Metric: String, Sendable, CaseIterable, Codable {
        /// Disagreements of every kind per record compared.
        case disagreementRate = "disagreement_rate"
        /// Label flips per record compared.
        case labelFlipRate = "label_flip_rate"
        /// The shadow's failed requests per request.
        case errorRate = "error_rate"
        /// The shadow's median latency over the champion's.
        case p50Ratio = "p50_ratio"
        /// The shadow's 99th-percentile latency over the champion's.
        case p99Ratio = "p99_ratio"
        /// The shadow's 99.9th-percentile latency over the champion's.
        case p999Ratio = "p999_ratio"
        /// Records the champion and the shadow both answered (compared).
        case records
    }

    /// How the measured value is compared with the clause's number.
    public enum Operator: String, Sendable, CaseIterable, Codable {
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="

        /// Whether `measured` satisfies `measured <op> bound`.
        public func holds(_ measured: Double, _ bound: Double) -> Bool {
            switch self {
            case .less: return measured < bound
            case .lessOrEqual: return measured <= bound
            case .greater: return measured > bound
            case .greaterOrEqual: return measured >= bound
            }
        }
    }

    /// Why a clause's text was refused; `message` names the part at fault and what was expected.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The bounded kind of mistake.
        public enum Code: String, Sendable { case empty, unknownMetric, badOperator, badNumber }
        /// Which part of the clause is wrong.
        public var code: Code
        /// A sentence for the person who wrote the clause.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    /// The measured quantity.
    public var metric: Metric
    /// The comparison.
    public var op: Operator
    /// The bound the measured value is compared with.
    public var bound: Double

    /// Creates a clause from its parts.
    public init(_ metric: Metric, _ op: Operator, _ bound: Double) {
        self.metric = metric
        self.op = op
        self.bound = bound
    }

    /// Whether `measured` passes this clause.
    public func holds(_ measured: Double) -> Bool { op.holds(measured, bound) }

    /// The clause in its canonical written form, e.g. `p99_ratio < 1.1`.
    public var description: String { "\(metric.rawValue) \(op.rawValue) \(Self.format(bound))" }

    /// A number as a person writes it: `10000` rather than `10000.0`.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
