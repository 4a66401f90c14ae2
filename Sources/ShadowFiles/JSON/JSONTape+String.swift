/// String literals: found eight bytes at a time; escapes, surrogate pairs and UTF-8 sequences checked.
extension JSONTape {
    /// Scans the string whose quote is at `i`; returns the offset after the closing quote, or -1.
    @inline(__always)
    mutating func scanString(_ p: UnsafePointer<UInt8>, _ i0: Int, _ n: Int, escaped: inout Bool) -> Int {
        var i = i0 + 1
        while true {
            while i + 8 <= n {
                let v = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                let quote = v ^ 0x2222_2222_2222_2222
                let backslash = v ^ 0x5C5C_5C5C_5C5C_5C5C
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                // Quote, backslash, control character (< 0x20) or non-ASCII byte: exact for the lowest one.
                let special = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash
                    | (v &- 0x2020_2020_2020_2020) & ~v | v) & highs
                if special != 0 {
                    i += special.trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            guard i < n else { return failing(.unterminatedString, i0) }
            let c = p[i]
            if c == UInt8(ascii: "\"") { return i + 1 }
            if c == UInt8(ascii: "\\") {
                escaped = true
                i = scanEscape(p, i, n)
                if i < 0 { return -1 }
                continue
            }
            if c < 0x20 { return failing(.controlCharacter, i) }
            if c >= 0x80 {
                guard let length = UTF8Validation.sequenceLength(p, i, n) else { return failing(.invalidUTF8, i) }
                i += length
                continue
            }
            i += 1
        }
    }

    /// Checks the escape whose backslash is at `i`; returns the offset after it, or -1.
    private mutating func scanEscape(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        guard i + 1 < n else { return failing(.unterminatedString, i) }
        switch p[i + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return i + 2
        case UInt8(ascii: "u"):
            guard let unit = JSONStrings.hex4(p, i + 2, n) else { return failing(.invalidEscape, i) }
            if unit >= 0xDC00 && unit < 0xE000 { return failing(.loneSurrogate, i) }
            guard unit >= 0xD800 && unit < 0xDC00 else { return i + 6 }
            guard i + 7 < n, p[i + 6] == UInt8(ascii: "\\"), p[i + 7] == UInt8(ascii: "u"),
                  let low = JSONStrings.hex4(p, i + 8, n), low >= 0xDC00 && low < 0xE000
            else { return failing(.loneSurrogate, i) }
            return i + 12
        default:
            return failing(.invalidEscape, i)
        }
    }
}
