/// Locale-free number formatting for axis labels, tables and tooltips.
public enum NumberFormat {
    /// `value` rounded to `decimals` digits after the point (`-` for NaN, `∞` for infinities).
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "-" : (value < 0 ? "-∞" : "∞") }
        let d = max(0, min(decimals, 12))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e18 else { return String(value) }
        let n = UInt64(scaled)
        let negative = value < 0 && n > 0
        var digits = String(n)
        if d > 0 {
            if digits.count <= d { digits = String(repeating: "0", count: d - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -d))
        }
        return (negative ? "-" : "") + digits
    }

    /// `value` with about `significant` significant digits, trailing zeros removed (`0.00123`, `1234.5`).
    public static func short(_ value: Double, significant: Int = 4) -> String {
        guard value.isFinite, value != 0 else { return fixed(value, 0) }
        let magnitude = Int(floorLog10(abs(value)))
        let decimals = max(0, significant - 1 - magnitude)
        return trimmed(fixed(value, decimals))
    }

    /// An axis label for `value` on an axis stepping by `step`: just enough decimals, `k`/`M` for large steps.
    public static func tick(_ value: Double, step: Double) -> String {
        guard step > 0, step.isFinite else { return short(value) }
        if step >= 100_000, abs(value) >= 1_000_000 { return tick(value / 1_000_000, step: step / 1_000_000) + "M" }
        if step >= 1000, abs(value) >= 1000 { return tick(value / 1000, step: step / 1000) + "k" }
        let decimals = max(0, Int(-floorLog10(step).rounded(.down)))
        return fixed(value, decimals + (isWhole(step * pow10(decimals)) ? 0 : 1))
    }

    /// A share (0…1) as a percentage with `decimals` digits (`12.5%`).
    public static func percent(_ share: Double, _ decimals: Int = 1) -> String {
        share.isFinite ? fixed(share * 100, decimals) + "%" : "-"
    }

    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = Substring(text)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return String(t)
    }

    static func floorLog10(_ x: Double) -> Double {
        var e = 0.0
        var v = x
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }

    static func pow10(_ n: Int) -> Double {
        var v = 1.0
        if n >= 0 { for _ in 0..<n { v *= 10 } } else { for _ in 0..<(-n) { v /= 10 } }
        return v
    }

    static func isWhole(_ x: Double) -> Bool { abs(x - x.rounded()) < 1e-9 * max(1, abs(x)) }
}
