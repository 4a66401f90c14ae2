/// One TOML value with the place in the document where it was written.
public struct TOMLValue: Sendable, Equatable {
    /// What the value holds.
    public enum Storage: Sendable, Equatable {
        /// A basic, literal or multi-line string, escapes decoded.
        case string(String)
        /// A 64-bit integer (decimal, hexadecimal, octal or binary in the text).
        case integer(Int64)
        /// A double, including `inf` and `nan`.
        case float(Double)
        /// `true` or `false`.
        case boolean(Bool)
        /// An offset or local date-time, date or time, kept as written.
        case dateTime(String)
        /// A value array or an array of tables (`[[name]]`), in document order.
        case array([TOMLValue])
        /// A `[table]`, a table made by dotted keys, or an inline table.
        case table(TOMLTable)
    }

    /// The value itself.
    public var storage: Storage
    /// 1-based line where the value starts (for tables: the header, or the first key that created it).
    public var line: Int
    /// 1-based column (in Unicode scalars) where the value starts.
    public var column: Int

    /// Creates a value at a document position.
    public init(_ storage: Storage, line: Int, column: Int) {
        self.storage = storage
        self.line = line
        self.column = column
    }

    /// The TOML type name, as error messages show it ("string", "integer", …).
    public var typeName: String {
        switch storage {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a float"
        case .boolean: return "a boolean"
        case .dateTime: return "a date-time"
        case .array: return "an array"
        case .table: return "a table"
        }
    }

    /// The string, when the value is one.
    public var string: String? {
        if case .string(let s) = storage { return s }
        return nil
    }

    /// The integer, when the value is one.
    public var integer: Int64? {
        if case .integer(let n) = storage { return n }
        return nil
    }

    /// The number as a Double, for floats and integers alike.
    public var double: Double? {
        switch storage {
        case .float(let x): return x
        case .integer(let n): return Double(n)
        default: return nil
        }
    }

    /// The boolean, when the value is one.
    public var boolean: Bool? {
        if case .boolean(let b) = storage { return b }
        return nil
    }

    /// The elements, when the value is an array.
    public var array: [TOMLValue]? {
        if case .array(let a) = storage { return a }
        return nil
    }

    /// The table, when the value is one.
    public var table: TOMLTable? {
        if case .table(let t) = storage { return t }
        return nil
    }
}
