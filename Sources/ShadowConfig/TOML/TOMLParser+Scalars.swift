/// Booleans, integers, floats and date-times: a run of token bytes classified by shape.
extension TOMLParser {
    mutating func parseScalarToken() throws(TOMLError) -> TOMLValue.Storage {
        let start = mark()
        let begin = pos
        while let b = peek(), Self.isTokenByte(b) { pos += 1 }
        guard pos > begin else { throw error("expected a value, found \(describeCurrent())") }
        var token = Array(bytes[begin..<pos])
        // A date, a space, then a time: one date-time value.
        if TOMLDateTime.isFullDate(token), peek() == UInt8(ascii: " "), let d = peek(1), Self.isDigit(d),
           peek(3) == UInt8(ascii: ":") {
            pos += 1
            while let b = peek(), Self.isTokenByte(b) { pos += 1 }
            token = Array(bytes[begin..<pos])
        }
        let text = String(decoding: token, as: UTF8.self)
        switch text {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default: break
        }
        if TOMLDateTime.looksLikeDateTime(token) {
            guard TOMLDateTime.isValid(token) else { throw error("invalid date-time \"\(text)\"", at: start) }
            return .dateTime(text)
        }
        return try parseNumber(text, at: start)
    }

    private func parseNumber(_ text: String, at start: Mark) throws(TOMLError) -> TOMLValue.Storage {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        if body == "inf" { return .float(sign == "-" ? -.infinity : .infinity) }
        if body == "nan" { return .float(.nan) }
        let radix: Int? = body.hasPrefix("0x") ? 16 : body.hasPrefix("0o") ? 8 : body.hasPrefix("0b") ? 2 : nil
        if let radix {
            guard text.first != "+", text.first != "-" else {
                throw error("a sign is not allowed on a hexadecimal, octal or binary integer", at: start)
            }
            let digits = body.dropFirst(2)
            guard Self.hasValidUnderscores(digits, radix: radix), let value = Int64(Self.strip(digits), radix: radix)
            else {
                if Self.hasValidUnderscores(digits, radix: radix) {
                    throw error("integer \(text) does not fit in 64 bits", at: start)
                }
                throw error("invalid number \"\(text)\"", at: start)
            }
            return .integer(value)
        }
        guard let first = body.first, first.isASCII, first.isNumber else {
            let hint = text.allSatisfy { $0.isLetter || $0 == "_" || $0 == "-" } ? " (strings must be quoted)" : ""
            throw error("invalid value \"\(text)\"\(hint)", at: start)
        }
        let isFloat = body.contains { $0 == "." || $0 == "e" || $0 == "E" }
        let integerPart = body.prefix { $0 != "." && $0 != "e" && $0 != "E" }
        guard Self.hasValidUnderscores(integerPart, radix: 10) else { throw error("invalid number \"\(text)\"", at: start) }
        if integerPart.count > 1, integerPart.first == "0" {
            throw error("leading zeros are not allowed in \"\(text)\"", at: start)
        }
        if isFloat {
            guard Self.isValidFloatTail(body.dropFirst(integerPart.count)), let value = Double(sign + Self.strip(body))
            else { throw error("invalid float \"\(text)\"", at: start) }
            return .float(value)
        }
        guard let value = Int64(sign + Self.strip(body)) else {
            throw error("integer \(text) does not fit in 64 bits", at: start)
        }
        return .integer(value)
    }

    /// After the integer part of a float: `.digits`, then optionally `e[+-]digits`; at least one of them.
    private static func isValidFloatTail(_ tail: Substring) -> Bool {
        var rest = tail
        var sawPart = false
        if rest.first == "." {
            let fraction = rest.dropFirst().prefix { $0 != "e" && $0 != "E" }
            guard hasValidUnderscores(fraction, radix: 10) else { return false }
            rest = rest.dropFirst(1 + fraction.count)
            sawPart = true
        }
        if rest.first == "e" || rest.first == "E" {
            var exponent = rest.dropFirst()
            if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
            guard hasValidUnderscores(exponent, radix: 10) else { return false }
            rest = ""
            sawPart = true
        }
        return sawPart && rest.isEmpty
    }

    /// Non-empty digits of `radix`, each underscore between two digits.
    private static func hasValidUnderscores(_ digits: Substring, radix: Int) -> Bool {
        guard !digits.isEmpty, digits.first != "_", digits.last != "_" else { return false }
        var previousUnderscore = false
        for c in digits {
            if c == "_" {
                if previousUnderscore { return false }
                previousUnderscore = true
                continue
            }
            previousUnderscore = false
            guard let v = c.hexDigitValue, v < radix else { return false }
        }
        return true
    }

    private static func strip(_ digits: Substring) -> String { digits.filter { $0 != "_" } }

    static func isTokenByte(_ b: UInt8) -> Bool {
        TOMLKeyPath.isBareKeyByte(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
