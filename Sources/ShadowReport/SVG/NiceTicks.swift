#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten), Heckbert's loose labelling
/// (Graphics Gems, "Nice numbers for graph labels").
public struct NiceTicks: Sendable, Equatable {
    /// The first tick, at or below the data's lower end.
    public var lower: Double
    /// The last tick, at or above the data's upper end.
    public var upper: Double
    /// The distance between ticks.
    public var step: Double

    /// Ticks covering `lower…upper` with about `count` of them (an empty or inverted range is widened around it).
    public init(lower: Double, upper: Double, count: Int = 5) {
        var lo = lower.isFinite ? lower : 0
        var hi = upper.isFinite ? upper : 1
        if hi < lo { swap(&lo, &hi) }
        if hi == lo {
            let pad = lo == 0 ? 1 : abs(lo) * 0.5
            lo -= lo == 0 ? 0 : pad
            hi += pad
        }
        let range = Self.nice(hi - lo, round: false)
        let step = Self.nice(range / Double(max(count - 1, 1)), round: true)
        self.step = step
        self.lower = (lo / step).rounded(.down) * step
        self.upper = (hi / step).rounded(.up) * step
    }

    /// The tick values from `lower` to `upper`, each an integer multiple of the step computed in one rounding
    /// (so 3 × 0.2 is 0.6, not 0.6000000000000001).
    public var values: [Double] {
        let exponent = floor(log10(step))
        let mantissa = (step / pow(10, exponent)).rounded()
        let first = (lower / step).rounded()
        let n = Int(((upper - lower) / step).rounded())
        return (0...max(n, 0)).map { i in
            let units = (first + Double(i)) * mantissa
            let v = exponent < 0 ? units / pow(10, -exponent) : units * pow(10, exponent)
            return v == 0 ? 0 : v
        }
    }

    /// The nice number closest to `x` (`round`) or the smallest nice number at least `x`.
    public static func nice(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = floor(log10(x))
        let power = pow(10, exponent)
        let fraction = x / power
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * power
    }
}
