/// A TOML 1.0 parser: comments, bare/quoted/dotted keys, tables, arrays of tables, every value type.
///
/// Every key and value keeps its line and column; duplicate keys and redefined tables are errors.
/// Date-times are validated and kept as strings.
public struct TOMLParser {
    /// A line and column in the document.
    struct Mark {
        var line: Int
        var column: Int
    }

    let bytes: [UInt8]
    var pos = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    static let maxDepth = 128

    init(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
    }

    /// Parses a whole document into its root table.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(text)
        return try parser.parseDocument()
    }

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        let root = TOMLTableBuilder(origin: .header, path: [], line: 1, column: 1)
        var current = root
        while true {
            skipBlanks()
            guard let byte = peek() else { break }
            switch byte {
            case UInt8(ascii: "#"):
                try skipComment()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try consumeNewline()
                continue
            case UInt8(ascii: "["):
                current = try parseHeader(root: root)
                try expectLineEnd(after: "table header")
            default:
                let keys = try parseKey()
                try parseKeyValueTail(keys, into: current)
                try expectLineEnd(after: "value")
            }
        }
        return root.build()
    }

    /// `[a.b]` or `[[a.b]]`: returns the table that following key/value pairs go into.
    private mutating func parseHeader(root: TOMLTableBuilder) throws(TOMLError) -> TOMLTableBuilder {
        pos += 1
        let isArray = peek() == UInt8(ascii: "[")
        if isArray { pos += 1 }
        skipBlanks()
        let keys = try parseKey()
        skipBlanks()
        let closing = isArray ? "]]" : "]"
        guard peek() == UInt8(ascii: "]"), !isArray || peek(1) == UInt8(ascii: "]") else {
            if isArray, peek() == UInt8(ascii: "]") { pos += 1 }
            let what = isArray ? "array of tables header" : "table header"
            throw error("expected \"\(closing)\" to close the \(what), found \(describeCurrent())")
        }
        pos += isArray ? 2 : 1
        return isArray ? try root.appendTable(keys) : try root.openTable(keys)
    }

    /// After a key: `= value`, stored into `table`.
    mutating func parseKeyValueTail(_ keys: [TOMLKeyPart], into table: TOMLTableBuilder) throws(TOMLError) {
        skipBlanks()
        guard peek() == UInt8(ascii: "=") else {
            throw error("expected \"=\" after key \"\(TOMLKeyPath.display(keys))\", found \(describeCurrent())")
        }
        pos += 1
        skipBlanks()
        let value = try parseValue()
        try table.insert(keys, value: value)
    }

    /// A possibly dotted key: `a`, `"a b"`, `'x'`, `a . b."c"`.
    mutating func parseKey() throws(TOMLError) -> [TOMLKeyPart] {
        var parts: [TOMLKeyPart] = []
        while true {
            parts.append(try parseSimpleKey())
            skipBlanks()
            guard peek() == UInt8(ascii: ".") else { return parts }
            pos += 1
            skipBlanks()
        }
    }

    private mutating func parseSimpleKey() throws(TOMLError) -> TOMLKeyPart {
        let start = mark()
        switch peek() {
        case UInt8(ascii: "\""):
            if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                throw error("multi-line strings cannot be keys")
            }
            return TOMLKeyPart(name: try parseBasicString(), line: start.line, column: start.column)
        case UInt8(ascii: "'"):
            if peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") {
                throw error("multi-line strings cannot be keys")
            }
            return TOMLKeyPart(name: try parseLiteralString(), line: start.line, column: start.column)
        default:
            let begin = pos
            while let b = peek(), TOMLKeyPath.isBareKeyByte(b) { pos += 1 }
            guard pos > begin else { throw error("expected a key, found \(describeCurrent())") }
            let name = String(decoding: bytes[begin..<pos], as: UTF8.self)
            return TOMLKeyPart(name: name, line: start.line, column: start.column)
        }
    }

    /// Any value: string, number, boolean, date-time, array or inline table.
    mutating func parseValue() throws(TOMLError) -> TOMLValue {
        let start = mark()
        let storage: TOMLValue.Storage
        switch peek() {
        case UInt8(ascii: "\""):
            let multiLine = peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"")
            storage = .string(multiLine ? try parseMultiLineBasicString() : try parseBasicString())
        case UInt8(ascii: "'"):
            let multiLine = peek(1) == UInt8(ascii: "'") && peek(2) == UInt8(ascii: "'")
            storage = .string(multiLine ? try parseMultiLineLiteralString() : try parseLiteralString())
        case UInt8(ascii: "["):
            storage = .array(try parseArray())
        case UInt8(ascii: "{"):
            storage = .table(try parseInlineTable())
        case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"), UInt8(ascii: ","),
             UInt8(ascii: "]"), UInt8(ascii: "}"):
            throw error("expected a value, found \(describeCurrent())")
        default:
            storage = try parseScalarToken()
        }
        return TOMLValue(storage, line: start.line, column: start.column)
    }

    /// Spaces, a comment, then a newline or the end of the document.
    private mutating func expectLineEnd(after what: String) throws(TOMLError) {
        skipBlanks()
        if peek() == UInt8(ascii: "#") { try skipComment() }
        guard peek() != nil else { return }
        guard peek() == UInt8(ascii: "\n") || peek() == UInt8(ascii: "\r") else {
            throw error("expected end of line after \(what), found \(describeCurrent())")
        }
        try consumeNewline()
    }
}
