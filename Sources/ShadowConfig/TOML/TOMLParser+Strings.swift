/// Basic, literal and multi-line strings, with escapes.
extension TOMLParser {
    /// `"…"` with escapes; the opening quote is at the current position.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let start = mark()
        pos += 1
        var out: [UInt8] = []
        while true {
            guard let b = peek(), b != UInt8(ascii: "\n"), b != UInt8(ascii: "\r") else {
                throw error("unterminated string (use \"\"\" for a string that spans lines)", at: start)
            }
            switch b {
            case UInt8(ascii: "\""):
                pos += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &out)
            case _ where Self.isForbiddenControl(b):
                throw error("control character \(Self.hex(b)) must be escaped in a string")
            default:
                out.append(b)
                pos += 1
            }
        }
    }

    /// `"""…"""`: the newline right after the opening quotes is dropped; `\` at a line end trims.
    mutating func parseMultiLineBasicString() throws(TOMLError) -> String {
        let start = mark()
        pos += 3
        try skipLeadingNewline()
        var out: [UInt8] = []
        while true {
            guard let b = peek() else { throw error("unterminated multi-line string", at: start) }
            switch b {
            case UInt8(ascii: "\""):
                if try closeMultiLine(quote: b, into: &out) { return String(decoding: out, as: UTF8.self) }
            case UInt8(ascii: "\\"):
                if try skipLineEndingBackslash() { continue }
                try parseEscape(into: &out)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try consumeNewline()
                out.append(UInt8(ascii: "\n"))
            case _ where Self.isForbiddenControl(b):
                throw error("control character \(Self.hex(b)) must be escaped in a string")
            default:
                out.append(b)
                pos += 1
            }
        }
    }

    /// `'…'`: no escapes.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let start = mark()
        pos += 1
        let begin = pos
        while true {
            guard let b = peek(), b != UInt8(ascii: "\n"), b != UInt8(ascii: "\r") else {
                throw error("unterminated literal string (use ''' for a string that spans lines)", at: start)
            }
            if b == UInt8(ascii: "'") {
                pos += 1
                return String(decoding: bytes[begin..<(pos - 1)], as: UTF8.self)
            }
            if Self.isForbiddenControl(b) {
                throw error("control character \(Self.hex(b)) is not allowed in a literal string")
            }
            pos += 1
        }
    }

    /// `'''…'''`: no escapes; the newline right after the opening quotes is dropped.
    mutating func parseMultiLineLiteralString() throws(TOMLError) -> String {
        let start = mark()
        pos += 3
        try skipLeadingNewline()
        var out: [UInt8] = []
        while true {
            guard let b = peek() else { throw error("unterminated multi-line literal string", at: start) }
            switch b {
            case UInt8(ascii: "'"):
                if try closeMultiLine(quote: b, into: &out) { return String(decoding: out, as: UTF8.self) }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try consumeNewline()
                out.append(UInt8(ascii: "\n"))
            case _ where Self.isForbiddenControl(b):
                throw error("control character \(Self.hex(b)) is not allowed in a literal string")
            default:
                out.append(b)
                pos += 1
            }
        }
    }

    private mutating func skipLeadingNewline() throws(TOMLError) {
        if peek() == UInt8(ascii: "\n") || peek() == UInt8(ascii: "\r") { try consumeNewline() }
    }

    /// At a quote inside a multi-line string: one or two quotes are content; three to five close the string
    /// (the extra ones being content). Returns whether the string ended.
    private mutating func closeMultiLine(quote: UInt8, into out: inout [UInt8]) throws(TOMLError) -> Bool {
        var run = 0
        while peek(run) == quote { run += 1 }
        if run < 3 {
            out.append(contentsOf: repeatElement(quote, count: run))
            pos += run
            return false
        }
        guard run <= 5 else { throw error("too many quotes in a row: at most two may precede the closing three") }
        out.append(contentsOf: repeatElement(quote, count: run - 3))
        pos += run
        return true
    }

    /// A `\` followed only by blanks up to the end of the line: skips it and all whitespace after.
    private mutating func skipLineEndingBackslash() throws(TOMLError) -> Bool {
        var ahead = 1
        while let b = peek(ahead), b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { ahead += 1 }
        guard let b = peek(ahead), b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") else { return false }
        pos += ahead
        while let b = peek() {
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") {
                pos += 1
            } else if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                try consumeNewline()
            } else {
                break
            }
        }
        return true
    }

    /// One escape sequence; the backslash is at the current position.
    private mutating func parseEscape(into out: inout [UInt8]) throws(TOMLError) {
        let start = mark()
        pos += 1
        guard let e = peek() else { throw error("unterminated string", at: start) }
        pos += 1
        switch e {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let width = e == UInt8(ascii: "u") ? 4 : 8
            var code: UInt32 = 0
            for i in 0..<width {
                guard let d = peek(i), let v = Self.hexValue(d) else {
                    throw error("\\\(Character(Unicode.Scalar(e))) needs \(width) hex digits", at: start)
                }
                code = code << 4 | UInt32(v)
            }
            let text = String(decoding: bytes[(pos - 2)..<(pos + width)], as: UTF8.self)
            guard let scalar = Unicode.Scalar(code) else {
                throw error("\(text) is not a Unicode scalar value", at: start)
            }
            out.append(contentsOf: String(Character(scalar)).utf8)
            pos += width
        default:
            pos -= 1
            let found = describeCurrent()
            guard found.hasPrefix("\"") else { throw error("invalid escape: \\ followed by \(found)", at: start) }
            throw error("invalid escape sequence \"\\\(found.dropFirst().dropLast())\"", at: start)
        }
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
