/// A value bound to, or read from, an SQLite statement.
public enum SQLiteValue: Sendable, Equatable {
    /// An INTEGER.
    case integer(Int64)
    /// A REAL.
    case double(Double)
    /// TEXT, as UTF-8.
    case text(String)
    /// A BLOB.
    case blob([UInt8])
    /// NULL.
    case null

    /// The value as an Int when it is an integer (or a double with an exact integer value).
    public var intValue: Int? {
        switch self {
        case .integer(let value): return Int(value)
        case .double(let value): return Int(exactly: value)
        default: return nil
        }
    }

    /// The value as a Double when it is numeric.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The value as a String when it is text.
    public var stringValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}

// Not ExpressibleByNilLiteral on purpose: `scalar(…) != nil` must keep meaning "a row came back".
extension SQLiteValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral {
    /// An integer literal binds as INTEGER.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A float literal binds as REAL.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A string literal binds as TEXT.
    public init(stringLiteral value: String) { self = .text(value) }
}
