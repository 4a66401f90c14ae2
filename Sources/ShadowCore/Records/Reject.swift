/// A line that could not become a record: where it was and why.
public struct Reject: Sendable, Equatable {
    public var position: SourcePosition
    /// A bounded code, safe as a column value and metric label.
    public var code: RejectCode
    /// A human sentence naming the field, e.g. `field "/features/age": expected number or null, got string`.
    public var reason: String

    public init(position: SourcePosition, code: RejectCode, reason: String) {
        self.position = position
        self.code = code
        self.reason = reason
    }
}

/// Why a line was rejected.
public enum RejectCode: String, Sendable, CaseIterable {
    case malformedJSON = "malformed_json"
    case invalidUTF8 = "invalid_utf8"
    case lineTooLong = "line_too_long"
    case missingField = "missing_field"
    case wrongType = "wrong_type"
    case nonFinite = "non_finite"
    case badTimestamp = "bad_timestamp"
    case badCSV = "bad_csv"
}
