#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Correctly rounded conversion of a decimal `±w × 10^q` to a Double, without creating Strings.
///
/// Three tiers: Clinger's exact fast path (w ≤ 2^53, |q| ≤ 22), the Eisel–Lemire algorithm over a
/// 128-bit power-of-five table (any w of at most 19 digits), and `strtod` on a NUL-terminated stack copy
/// of the literal for everything else (more than 19 significant digits, which the scanner flags).
enum DecimalConversion {
    /// Exact powers of ten representable as Doubles.
    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The Double nearest to `±w × 10^q` (ties to even); infinite when it overflows.
    @inline(__always)
    static func double(mantissa w: UInt64, exponent q: Int, negative: Bool) -> Double {
        if w <= 1 << 53 && q >= -22 && q <= 22 {
            let m = Double(w)
            let x = q < 0 ? m / exactPowers[-q] : m * exactPowers[q]
            return negative ? -x : x
        }
        return eiselLemire(w: w, q: q, negative: negative)
    }

    /// Eisel–Lemire: a 64×128-bit product against the truncated power of five, with the ties check.
    static func eiselLemire(w: UInt64, q: Int, negative: Bool) -> Double {
        let sign: UInt64 = negative ? 1 << 63 : 0
        if w == 0 || q < -342 { return Double(bitPattern: sign) }
        if q > 308 { return Double(bitPattern: sign | 0x7FF0_0000_0000_0000) }
        let lz = w.leadingZeroBitCount
        let v = w << UInt64(lz)
        let index = 2 * (q + 342)
        let (hi, lo) = powersOfFive128.withUnsafeBufferPointer { table -> (UInt64, UInt64) in
            var (hi, lo) = v.multipliedFullWidth(by: table[index])
            if hi & 0x1FF == 0x1FF {
                let (hi2, _) = v.multipliedFullWidth(by: table[index + 1])
                lo &+= hi2
                if hi2 > lo { hi &+= 1 }
            }
            return (hi, lo)
        }
        let upper = Int(hi >> 63)
        let shift = UInt64(upper + 9)
        var mantissa = hi >> shift
        var power2 = ((217_706 * q) >> 16) + 63 + upper - lz + 1023
        if power2 <= 0 {
            // Subnormal (or zero): shift into place and round; a carry may make it the smallest normal.
            if -power2 + 1 >= 64 { return Double(bitPattern: sign) }
            mantissa >>= UInt64(-power2 + 1)
            mantissa += mantissa & 1
            mantissa >>= 1
            power2 = mantissa < 1 << 52 ? 0 : 1
            return Double(bitPattern: sign | mantissa | UInt64(power2) << 52)
        }
        if lo <= 1 && q >= -4 && q <= 23 && mantissa & 3 == 1 && mantissa << shift == hi {
            mantissa &= ~1  // exactly halfway: round to even instead of up
        }
        mantissa += mantissa & 1
        mantissa >>= 1
        if mantissa >= 2 << 52 {
            mantissa = 1 << 52
            power2 += 1
        }
        mantissa &= ~(1 << 52)
        if power2 >= 0x7FF { return Double(bitPattern: sign | 0x7FF0_0000_0000_0000) }
        return Double(bitPattern: sign | mantissa | UInt64(power2) << 52)
    }

    /// `strtod` on a NUL-terminated copy of `literal` (C locale digits only; the caller validated them).
    static func strtodFallback(_ literal: UnsafeBufferPointer<UInt8>) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: literal.count + 1) { buffer in
            for i in 0..<literal.count { buffer[i] = CChar(bitPattern: literal[i]) }
            buffer[literal.count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }
}
