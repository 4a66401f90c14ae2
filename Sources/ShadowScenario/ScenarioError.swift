/// A scenario that cannot be applied to this replay: which scenario, which field, and why.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bounded kind of problem.
    public enum Code: String, Sendable, CaseIterable {
        /// A feature the scenario names is not read by any model (or not in the data).
        case unknownFeature = "unknown_feature"
        /// The concept rule cannot be parsed.
        case badRule = "bad_rule"
        /// A parameter is out of range or missing for the kind.
        case badParameter = "bad_parameter"
    }

    /// What went wrong.
    public var code: Code
    /// Index of the scenario in the list (0-based; `scenario[i]` in messages).
    public var scenario: Int
    /// The field at fault.
    public var field: String
    /// A sentence for the person who wrote the scenario.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, scenario: Int, field: String, message: String) {
        self.code = code
        self.scenario = scenario
        self.field = field
        self.message = message
    }

    /// `scenario[1].rule: …`.
    public var description: String { "scenario[\(scenario)].\(field): \(message)" }
}
