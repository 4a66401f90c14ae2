/// A promotion-gate clause for a shadowed retrained model, `metric operator number` (`accuracy_delta > 0`).
public struct BacktestGateClause: Sendable, Equatable, CustomStringConvertible {
    /// What the clause measures over the shadow period (candidate vs champion on the same labelled records).
    public enum Metric: String, Sendable, CaseIterable {
        /// Candidate accuracy minus champion accuracy (classification).
        case accuracyDelta = "accuracy_delta"
        /// Candidate accuracy (classification).
        case accuracy
        /// Champion RMSE minus candidate RMSE: positive when the candidate is better (regression).
        case rmseGain = "rmse_gain"
        /// Candidate RMSE (regression).
        case rmse
        /// Records in the shadow period.
        case records
    }

    /// The comparison.
    public enum Operator: String, Sendable, CaseIterable {
        case greaterOrEqual = ">=", lessOrEqual = "<=", greater = ">", less = "<"
    }

    public var metric: Metric
    public var op: Operator
    public var bound: Double

    /// A clause from its parts.
    public init(_ metric: Metric, _ op: Operator, _ bound: Double) {
        self.metric = metric
        self.op = op
        self.bound = bound
    }

    /// Whether `value` passes.
    public func holds(_ value: Double) -> Bool {
        switch op {
        case .greater: return value > bound
        case .greaterOrEqual: return value >= bound
        case .less: return value < bound
        case .lessOrEqual: return value <= bound
        }
    }

    /// `accuracy_delta > 0`.
    public var description: String { "\(metric.rawValue) \(op.rawValue) \(bound)" }

    /// Parses `metric op number`; the error names the part at fault.
    public static func parse(_ text: String) -> Result<BacktestGateClause, BacktestFileError.Reason> {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3 else {
            return .failure(.init("expected \"metric operator number\" (e.g. \"accuracy_delta > 0\"), got \"\(text)\""))
        }
        guard let metric = Metric(rawValue: parts[0]) else {
            let names = Metric.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(.init("unknown metric \"\(parts[0])\" (expected one of: \(names))"))
        }
        guard let op = Operator(rawValue: parts[1]) else {
            return .failure(.init("unknown operator \"\(parts[1])\" (expected >, >=, < or <=)"))
        }
        guard let bound = Double(parts[2]), bound.isFinite else {
            return .failure(.init("\"\(parts[2])\" is not a finite number"))
        }
        return .success(BacktestGateClause(metric, op, bound))
    }
}
