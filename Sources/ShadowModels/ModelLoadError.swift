/// Why a model file could not be loaded: a bounded code plus the file, line and field at fault.
public struct ModelLoadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kind of fault, safe as a metric label.
    public enum Code: String, Sendable, CaseIterable {
        /// The bytes are not the expected syntax (bad JSON, a line without `=`, a bad number).
        case malformed
        /// A required field is absent.
        case missingField = "missing_field"
        /// A field is present but its value is out of range or inconsistent with others.
        case invalidValue = "invalid_value"
        /// A valid model using a feature this evaluator does not implement.
        case unsupported
    }

    /// What kind of fault it is.
    public var code: Code
    /// The model file as the caller named it.
    public var file: String
    /// The field at fault, e.g. `learner.objective.name` or `Tree=3 threshold`.
    public var field: String
    /// 1-based line in the file, when the format is line-based and the line is known.
    public var line: Int?
    /// What is wrong, in a sentence.
    public var message: String

    /// Creates an error naming the file, field and (optionally) line.
    public init(_ code: Code, file: String, field: String, line: Int? = nil, message: String) {
        self.code = code
        self.file = file
        self.field = field
        self.line = line
        self.message = message
    }

    /// `file[:line]: field "…": message`.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): field \"\(field)\": \(message)"
    }
}
