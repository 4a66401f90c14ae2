/// What a tape node holds.
enum JSONKind: UInt8, Sendable {
    case object, array, string, number, `true`, `false`, null
    /// `NaN`, `Infinity`, `-Infinity`, or a number literal too large for a Double.
    case nonFinite

    /// The name used in reject reasons.
    var typeName: String {
        switch self {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number: return "number"
        case .true, .false: return "bool"
        case .null: return "null"
        case .nonFinite: return "non-finite number"
        }
    }
}

/// One value of a parsed line, in document order (a container is followed by its members).
struct JSONNode {
    /// Flag bit of a string node: it contains backslash escapes.
    static let escaped: UInt8 = 1
    /// Flag bit of a number node: an integer literal (no fraction, no exponent).
    static let integer: UInt8 = 1

    var kind: JSONKind
    var flags: UInt8
    /// Byte offset in the line of the value's first byte (the quote or bracket included).
    var start: Int32
    /// Byte offset just past the value's last byte.
    var end: Int32
    /// Tape index just past this value and all its members.
    var next: Int32
    /// The value of a number node (NaN for a non-finite token, ±infinity for an out-of-range literal).
    var number: Double

    /// The byte range of the value in its line.
    var range: Range<Int> { Int(start)..<Int(end) }
}
