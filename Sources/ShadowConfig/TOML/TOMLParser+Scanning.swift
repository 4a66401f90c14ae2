/// Byte-level movement, positions, whitespace, comments and newlines.
extension TOMLParser {
    func peek(_ offset: Int = 0) -> UInt8? {
        pos + offset < bytes.count ? bytes[pos + offset] : nil
    }

    /// The current line and column (columns count Unicode scalars, from 1).
    func mark() -> Mark { mark(at: pos) }

    func mark(at position: Int) -> Mark {
        var column = 1
        var i = lineStart
        while i < position {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return Mark(line: line, column: column)
    }

    /// An error at the current position.
    func error(_ message: String) -> TOMLError { error(message, at: mark()) }

    func error(_ message: String, at mark: Mark) -> TOMLError {
        TOMLError(line: mark.line, column: mark.column, message: message)
    }

    /// Skips spaces and tabs.
    mutating func skipBlanks() {
        while let b = peek(), b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { pos += 1 }
    }

    /// Skips a `#` comment up to (not including) the end of the line.
    mutating func skipComment() throws(TOMLError) {
        pos += 1
        while let b = peek(), b != UInt8(ascii: "\n") {
            if b == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") { return }
            if Self.isForbiddenControl(b) {
                throw error("control character \(Self.hex(b)) is not allowed in a comment")
            }
            pos += 1
        }
    }

    /// Consumes `\n` or `\r\n` and starts a new line.
    mutating func consumeNewline() throws(TOMLError) {
        if peek() == UInt8(ascii: "\r") {
            guard peek(1) == UInt8(ascii: "\n") else { throw error("a carriage return must be followed by a line feed") }
            pos += 1
        }
        pos += 1
        line += 1
        lineStart = pos
    }

    /// Skips blanks, comments and newlines (inside arrays).
    mutating func skipBlanksCommentsAndNewlines() throws(TOMLError) {
        while true {
            skipBlanks()
            switch peek() {
            case UInt8(ascii: "#"): try skipComment()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): try consumeNewline()
            default: return
            }
        }
    }

    /// The text at the current position, for messages: `"x"`, `end of line`, `end of file`.
    func describeCurrent() -> String {
        guard let b = peek() else { return "end of file" }
        if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { return "end of line" }
        if b < 0x20 || b == 0x7F { return "control character \(Self.hex(b))" }
        var end = pos + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[pos..<end], as: UTF8.self)
        return text == "\"" ? "'\"'" : "\"\(text)\""
    }

    /// Control characters TOML forbids outside multi-line strings: all but tab.
    static func isForbiddenControl(_ b: UInt8) -> Bool {
        (b < 0x20 && b != UInt8(ascii: "\t")) || b == 0x7F
    }

    static func hex(_ b: UInt8) -> String {
        let digits = String(b, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
