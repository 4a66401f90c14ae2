/// A CSV cell typed by its text: empty → null, `true`/`false` → bool, numeric text → number, else string.
enum CSVValue {
    case null
    case bool(Bool)
    /// `json` tells whether the text is already a valid JSON number literal.
    case number(Double, json: Bool)
    /// `nan`, `inf`, `infinity` (any case, optional sign).
    case nonFinite
    case string

    /// Types the cell text `p[0..<n]`.
    static func classify(_ p: UnsafePointer<UInt8>, _ n: Int) -> CSVValue {
        if n == 0 { return .null }
        switch n {
        case 4 where JSONTape.matches(p, "true") || JSONTape.matches(p, "True") || JSONTape.matches(p, "TRUE"):
            return .bool(true)
        case 5 where JSONTape.matches(p, "false") || JSONTape.matches(p, "False") || JSONTape.matches(p, "FALSE"):
            return .bool(false)
        default:
            break
        }
        if let number = parseNumber(p, n) { return number }
        return isNonFinite(p, n) ? .nonFinite : .string
    }

    /// Decimal text: `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`, correctly rounded.
    private static func parseNumber(_ p: UnsafePointer<UInt8>, _ n: Int) -> CSVValue? {
        var i = 0
        var negative = false
        var json = true
        if p[0] == UInt8(ascii: "+") || p[0] == UInt8(ascii: "-") {
            negative = p[0] == UInt8(ascii: "-")
            json = negative
            i = 1
        }
        var w: UInt64 = 0
        var digits = 0
        var exponent = 0
        var truncated = false
        var anyDigit = false
        func digit(_ d: UInt8, fraction: Bool) {
            anyDigit = true
            if digits < 19 {
                w = w &* 10 &+ UInt64(d)
                if fraction { exponent -= 1 }
                if w != 0 { digits += 1 }
            } else {
                if !fraction { exponent += 1 }
                if d != 0 { truncated = true }
            }
        }
        let intStart = i
        while i < n, p[i] &- 48 < 10 {
            digit(p[i] &- 48, fraction: false)
            i += 1
        }
        let intDigits = i - intStart
        if intDigits == 0 || (intDigits > 1 && p[intStart] == UInt8(ascii: "0")) { json = false }
        if i < n && p[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < n, p[i] &- 48 < 10 {
                digit(p[i] &- 48, fraction: true)
                i += 1
            }
            if i == fractionStart { json = false }
        }
        guard anyDigit else { return nil }
        if i < n && p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var negativeExponent = false
            if i < n && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) {
                negativeExponent = p[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < n, p[i] &- 48 < 10 else { return nil }
            var e = 0
            while i < n, p[i] &- 48 < 10 {
                if e < 1_000_000 { e = e * 10 + Int(p[i] &- 48) }
                i += 1
            }
            exponent += negativeExponent ? -e : e
        }
        guard i == n else { return nil }
        let value = truncated
            ? DecimalConversion.strtodFallback(UnsafeBufferPointer(start: p, count: n))
            : DecimalConversion.double(mantissa: w, exponent: exponent, negative: negative)
        return value.isFinite ? .number(value, json: json) : .nonFinite
    }

    private static func isNonFinite(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var start = 0
        if p[0] == UInt8(ascii: "+") || p[0] == UInt8(ascii: "-") { start = 1 }
        guard n - start >= 3 && n - start <= 8 else { return false }
        let word = String(decoding: UnsafeBufferPointer(start: p + start, count: n - start), as: UTF8.self).lowercased()
        return word == "nan" || word == "inf" || word == "infinity"
    }
}
