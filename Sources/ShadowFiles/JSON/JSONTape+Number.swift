/// Number literals: RFC 8259 grammar checked and the value converted in the same pass.
extension JSONTape {
    /// Scans the number at `i`, pushes its node and returns the offset after it, or -1.
    @inline(__always)
    mutating func scanNumber(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let start = i
        let negative = p[i] == UInt8(ascii: "-")
        var j = negative ? i + 1 : i
        if negative && j < n && p[j] == UInt8(ascii: "I") {
            guard n - j >= 8, Self.matches(p + j, "Infinity") else { return failing(.invalidLiteral, start) }
            let index = push(.nonFinite, start: start, end: j + 8, number: -.infinity)
            if firstNonFinite < 0 { firstNonFinite = index }
            return j + 8
        }
        guard j < n, p[j] &- 48 < 10 else { return failing(.invalidNumber, start) }
        // Optimistic pass: accumulate every digit (wrapping), up to eight per step without branching per digit.
        let mantissaStart = j
        var exponent = 0
        var integer = true
        var w: UInt64
        if j &+ 1 < n && p[j &+ 1] &- 48 >= 10 {
            w = UInt64(p[j] &- 48)  // one integer digit: the common "0.123" / "5.25" shape
            j &+= 1
        } else {
            w = digitRun(p, &j, n, 0)
            if p[mantissaStart] == UInt8(ascii: "0") && j &- mantissaStart > 1 { return failing(.leadingZero, start) }
        }
        var digitCount = j &- mantissaStart
        if j < n && p[j] == UInt8(ascii: ".") {
            integer = false
            j &+= 1
            let fractionStart = j
            w = digitRun(p, &j, n, w)
            guard j > fractionStart else { return failing(.invalidNumber, start) }
            exponent = fractionStart &- j
            digitCount &+= j &- fractionStart
        }
        let mantissaEnd = j
        var explicitExponent = 0
        if j < n && p[j] | 0x20 == UInt8(ascii: "e") {
            integer = false
            j += 1
            var negativeExponent = false
            if j < n && (p[j] == UInt8(ascii: "+") || p[j] == UInt8(ascii: "-")) {
                negativeExponent = p[j] == UInt8(ascii: "-")
                j += 1
            }
            guard j < n, p[j] &- 48 < 10 else { return failing(.invalidNumber, start) }
            while j < n {
                let d = p[j] &- 48
                if d >= 10 { break }
                if explicitExponent < 1_000_000 { explicitExponent = explicitExponent * 10 + Int(d) }
                j += 1
            }
            if negativeExponent { explicitExponent = -explicitExponent }
        }
        var truncated = false
        if digitCount > 19 {
            (w, exponent, truncated) = Self.preciseMantissa(p, mantissaStart, mantissaEnd)
        }
        exponent += explicitExponent
        let value = truncated
            ? DecimalConversion.strtodFallback(UnsafeBufferPointer(start: p + start, count: j - start))
            : DecimalConversion.double(mantissa: w, exponent: exponent, negative: negative)
        if value.isInfinite {
            let index = push(.nonFinite, start: start, end: j, number: value)
            if firstNonFinite < 0 { firstNonFinite = index }
        } else {
            _ = push(.number, flags: integer ? JSONNode.integer : 0, start: start, end: j, number: value)
        }
        return j
    }

    /// Reads the run of digits at `j` into `w` (w × 10^k + digits, wrapping), advancing `j` past it.
    /// Eight bytes at a time where the line allows: the run length comes from a bit mask, not a loop.
    /// The per-byte `+ 6` can only carry out of a byte ≥ 0xFA, which is itself a non-digit, so the lowest
    /// non-digit byte (the only one used) is always found exactly, whatever the bytes after it.
    @inline(__always)
    private func digitRun(_ p: UnsafePointer<UInt8>, _ j: inout Int, _ n: Int, _ w: UInt64) -> UInt64 {
        var w = w
        while j &+ 8 <= n {
            let v = UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)
            let nonDigit = ((v & 0xF0F0_F0F0_F0F0_F0F0) | (((v &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4))
                ^ 0x3333_3333_3333_3333
            if nonDigit == 0 {
                w = w &* 100_000_000 &+ Self.eightDigits(v)
                j &+= 8
                continue
            }
            let k = nonDigit.trailingZeroBitCount >> 3
            if k > 0 {
                // Move the k digits to the top bytes and fill the bottom with '0's.
                let shift = UInt64(truncatingIfNeeded: 64 &- 8 &* k)
                let aligned = (v &<< shift) | (0x3030_3030_3030_3030 &>> (64 &- shift))
                w = w &* pow10[k] &+ Self.eightDigits(aligned)
                j &+= k
            }
            return w
        }
        while j < n {
            let d = p[j] &- 48
            if d >= 10 { break }
            w = w &* 10 &+ UInt64(d)
            j += 1
        }
        return w
    }

    /// Mantissa of more than 19 digits: the first 19 significant digits, the decimal exponent that goes with
    /// them, and whether a nonzero digit was dropped (then the caller falls back to `strtod`).
    private static func preciseMantissa(_ p: UnsafePointer<UInt8>, _ start: Int,
                                        _ end: Int) -> (UInt64, Int, Bool) {
        var w: UInt64 = 0
        var digits = 0
        var exponent = 0
        var truncated = false
        var fraction = false
        for j in start..<end {
            let c = p[j]
            if c == UInt8(ascii: ".") {
                fraction = true
                continue
            }
            let d = c &- 48
            if digits < 19 {
                w = w &* 10 &+ UInt64(d)
                if w != 0 { digits += 1 }
                if fraction { exponent -= 1 }
            } else {
                if !fraction { exponent += 1 }
                if d != 0 { truncated = true }
            }
        }
        return (w, exponent, truncated)
    }

    /// The value of eight ASCII digits loaded little-endian (first digit in the lowest byte).
    @inline(__always)
    static func eightDigits(_ v: UInt64) -> UInt64 {
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        let mul1: UInt64 = 100 + (1_000_000 << 32)
        let mul2: UInt64 = 1 + (10_000 << 32)
        var v = v &- 0x3030_3030_3030_3030
        v = (v &* 10) &+ (v >> 8)
        let high = (v & mask) &* mul1
        let low = ((v >> 16) & mask) &* mul2
        return ((high &+ low) >> 32) & 0xFFFF_FFFF
    }

    /// Whether the bytes at `p` spell `word`.
    @inline(__always)
    static func matches(_ p: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
        let w = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount where p[k] != w[k] { return false }
        return true
    }
}
