/// A concept-change rule: a linear expression of features, optionally compared with another (`x0 + x1 > 7`).
///
/// With a comparison the rule is a binary concept (label 1 when it holds, else 0); without one it is a
/// regression target (the expression's value). Terms are `number`, `name`, `number*name` or `name*number`.
public struct LinearRule: Sendable, Equatable {
    /// How the two sides compare.
    public enum Comparison: String, Sendable, CaseIterable {
        case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
    }

    /// Coefficient per feature name (left side minus right side).
    public var coefficients: [(name: String, weight: Double)]
    /// Constant of left side minus right side.
    public var constant: Double
    /// The comparison with 0 of (left − right); nil for a regression expression.
    public var comparison: Comparison?

    /// Creates a rule from its parts.
    public init(coefficients: [(name: String, weight: Double)], constant: Double, comparison: Comparison?) {
        self.coefficients = coefficients
        self.constant = constant
        self.comparison = comparison
    }

    /// The rule's value for feature values in `coefficients` order: 0/1 for a comparison, else the expression.
    public func evaluate(_ values: [Double]) -> Double {
        var sum = constant
        for (k, c) in coefficients.enumerated() { sum += c.weight * values[k] }
        guard let comparison else { return sum }
        switch comparison {
        case .greater: return sum > 0 ? 1 : 0
        case .greaterOrEqual: return sum >= 0 ? 1 : 0
        case .less: return sum < 0 ? 1 : 0
        case .lessOrEqual: return sum <= 0 ? 1 : 0
        }
    }

    /// Two rules are equal when their parts are.
    public static func == (a: LinearRule, b: LinearRule) -> Bool {
        a.constant == b.constant && a.comparison == b.comparison && a.coefficients.count == b.coefficients.count
            && zip(a.coefficients, b.coefficients).allSatisfy { $0.name == $1.name && $0.weight == $1.weight }
    }
}
