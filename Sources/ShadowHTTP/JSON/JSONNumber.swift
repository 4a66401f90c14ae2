#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses and formats JSON numbers without Foundation; exact (correctly rounded) in both directions.
public enum JSONNumber {
    static let powers: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { a, _ in a * 10 } }

    /// Parses a scalar token: a number, `NaN`, `Infinity`, `-Infinity`, `true`/`false` (1/0) or `null` (NaN).
    public static func parse(_ p: UnsafePointer<UInt8>, count n: Int) -> Double? {
        guard n > 0 else { return nil }
        switch p[0] {
        case UInt8(ascii: "n"): return n == 4 ? .nan : nil
        case UInt8(ascii: "t"): return n == 4 ? 1 : nil
        case UInt8(ascii: "f"): return n == 5 ? 0 : nil
        case UInt8(ascii: "N"): return n == 3 ? .nan : nil
        case UInt8(ascii: "I"): return n == 8 ? .infinity : nil
        case UInt8(ascii: "\""): return nil
        default: break
        }
        if n == 9, p[0] == UInt8(ascii: "-"), p[1] == UInt8(ascii: "I") { return -.infinity }
        // Fast path: up to 15 significant digits and a small decimal exponent are exact in Double arithmetic.
        var i = 0
        let negative = p[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var sawDigit = false
        while i < n, p[i] >= 0x30, p[i] <= 0x39 {
            mantissa = mantissa &* 10 &+ UInt64(p[i] - 0x30)
            if mantissa != 0 { digits += 1 }
            i += 1
            sawDigit = true
        }
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, p[i] >= 0x30, p[i] <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(p[i] - 0x30)
                if mantissa != 0 { digits += 1 }
                scale -= 1
                i += 1
                sawDigit = true
            }
        }
        guard sawDigit else { return nil }
        if i < n, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            return slow(p, count: n)
        }
        guard i == n else { return nil }
        if digits <= 15 && scale >= -22 {
            let value = scale == 0 ? Double(mantissa) : Double(mantissa) / powers[-scale]
            return negative ? -value : value
        }
        return slow(p, count: n)
    }

    static func slow(_ p: UnsafePointer<UInt8>, count n: Int) -> Double? {
        guard n < 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            for i in 0..<n { buffer[i] = CChar(bitPattern: p[i]) }
            buffer[n] = 0
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &endPointer)
            return endPointer == buffer.baseAddress! + n ? value : nil
        }
    }

    /// Appends `x` as JSON: integers without a fraction, others shortest round-trip, non-finite as `null`.
    @inline(__always)
    public static func append(_ x: Double, to out: inout [UInt8]) {
        if x == x.rounded(.towardZero) && abs(x) < 1e15 {
            appendInteger(Int64(x), to: &out)
            return
        }
        if !x.isFinite {
            out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            return
        }
        out.append(contentsOf: x.description.utf8)
    }

    /// Appends a decimal integer.
    public static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var v = value.magnitude
        if v < 10 {
            out.append(UInt8(truncatingIfNeeded: v) &+ 0x30)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var n = 0
            while v > 0 {
                digits[n] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
                n += 1
            }
            while n > 0 {
                n -= 1
                out.append(digits[n])
            }
        }
    }

    /// Appends `s` as a JSON string literal.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 15)]])
            default: out.append(c)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
