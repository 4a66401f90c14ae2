#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A base-10 logarithmic axis with ticks at whole decades (for p-values and latencies spanning orders of magnitude).
public struct LogScale: ChartScale {
    /// The lowest decade exponent (the axis starts at 10^lowerExponent).
    public let lowerExponent: Int
    /// The highest decade exponent.
    public let upperExponent: Int
    /// A unit appended to labels.
    public let unit: String

    /// A scale over the decades covering the positive finite `values`.
    public init(covering values: [Double], unit: String = "") {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        let lo = positive.min() ?? 1
        let hi = positive.max() ?? 10
        var a = Int(floor(log10(lo)))
        var b = Int(ceil(log10(hi)))
        if b <= a { b = a + 1 }
        a = max(a, -300)
        self.lowerExponent = a
        self.upperExponent = b
        self.unit = unit
    }

    /// Position of `value` between the outer decades (non-positive values sit at the bottom).
    public func fraction(of value: Double) -> Double {
        guard value > 0 else { return 0 }
        return (log10(value) - Double(lowerExponent)) / Double(upperExponent - lowerExponent)
    }

    /// One tick per decade (every other one when there are more than 8).
    public var ticks: [AxisTick] {
        let every = (upperExponent - lowerExponent) > 8 ? 2 : 1
        return stride(from: lowerExponent, through: upperExponent, by: every).map {
            AxisTick(value: pow(10, Double($0)), label: Self.decade($0) + unit)
        }
    }

    /// The value with a few significant digits.
    public func describe(_ value: Double) -> String {
        value > 0 && value < 1e-4 ? Self.scientific(value) + unit : NumberFormat.short(value) + unit
    }

    /// `10^e` as plain digits for -4 ≤ e ≤ 5, else `1e-7`.
    static func decade(_ e: Int) -> String {
        if e >= 0 && e <= 5 { return "1" + String(repeating: "0", count: e) }
        if e < 0 && e >= -4 { return "0." + String(repeating: "0", count: -e - 1) + "1" }
        return "1e\(e)"
    }

    static func scientific(_ value: Double) -> String {
        let e = Int(floor(log10(value)))
        return NumberFormat.fixed(value / pow(10, Double(e)), 2) + "e\(e)"
    }
}
