/// Arrays (multi-line, trailing comma, comments) and inline tables (one line, frozen once closed).
extension TOMLParser {
    /// `[v, v, …]`; the bracket is at the current position.
    mutating func parseArray() throws(TOMLError) -> [TOMLValue] {
        try enterNesting()
        defer { depth -= 1 }
        pos += 1
        var elements: [TOMLValue] = []
        while true {
            try skipBlanksCommentsAndNewlines()
            if peek() == UInt8(ascii: "]") {
                pos += 1
                return elements
            }
            elements.append(try parseValue())
            try skipBlanksCommentsAndNewlines()
            switch peek() {
            case UInt8(ascii: ","):
                pos += 1
            case UInt8(ascii: "]"):
                pos += 1
                return elements
            default:
                throw error("expected \",\" or \"]\" in array, found \(describeCurrent())")
            }
        }
    }

    /// `{ k = v, … }`; the brace is at the current position.
    mutating func parseInlineTable() throws(TOMLError) -> TOMLTable {
        try enterNesting()
        defer { depth -= 1 }
        let start = mark()
        pos += 1
        let table = TOMLTableBuilder(origin: .header, path: [], line: start.line, column: start.column)
        skipBlanks()
        if peek() == UInt8(ascii: "}") {
            pos += 1
            return table.build()
        }
        while true {
            skipBlanks()
            if peek() == UInt8(ascii: "\n") || peek() == UInt8(ascii: "\r") {
                throw error("newlines are not allowed inside an inline table")
            }
            let keys = try parseKey()
            try parseKeyValueTail(keys, into: table)
            skipBlanks()
            switch peek() {
            case UInt8(ascii: ","):
                pos += 1
                skipBlanks()
                if peek() == UInt8(ascii: "}") { throw error("a trailing comma is not allowed in an inline table") }
            case UInt8(ascii: "}"):
                pos += 1
                return table.build()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw error("newlines are not allowed inside an inline table")
            default:
                throw error("expected \",\" or \"}\" in inline table, found \(describeCurrent())")
            }
        }
    }

    private mutating func enterNesting() throws(TOMLError) {
        guard depth < Self.maxDepth else { throw error("arrays and inline tables nested more than \(Self.maxDepth) deep") }
        depth += 1
    }
}
