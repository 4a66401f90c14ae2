#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// HdrHistogram's percentile axis: position grows with log10(1 / (1 − p)), so 0%, 90%, 99%, 99.9%, … sit one
/// step apart and the tail gets as much room as the body.
public struct PercentileScale: ChartScale {
    /// How many nines the axis reaches (3: up to 99.9%).
    public let nines: Int

    /// An axis reaching `nines` nines (at least 1).
    public init(nines: Int) {
        self.nines = max(1, nines)
    }

    /// An axis reaching the finest percentile a histogram of `count` values resolves (99% up to 999 values,
    /// 99.9% for 1,000, 99.99% for 10,000, …, at most 7 nines).
    public init(count: Int) {
        var n = 2
        var c = 100
        while c * 10 <= count, n < 7 {
            c *= 10
            n += 1
        }
        self.init(nines: n)
    }

    /// The axis position of a percentile in 0…100 (percentiles at or above the last tick sit at the end).
    public static func position(ofPercentile p: Double) -> Double {
        let q = min(max(p, 0), 100) / 100
        guard q < 1 else { return .infinity }
        return log10(1 / (1 - q))
    }

    /// Position of percentile `value` (0…100) between 0% and the last tick.
    public func fraction(of value: Double) -> Double {
        min(Self.position(ofPercentile: value), Double(nines)) / Double(nines)
    }

    /// 0%, 90%, 99%, 99.9%, … up to `nines` nines.
    public var ticks: [AxisTick] {
        (0...nines).map { k in
            let p = 100 - 100 / pow(10, Double(k))
            return AxisTick(value: p, label: Self.label(nines: k))
        }
    }

    /// The percentile with up to 5 decimals.
    public func describe(_ value: Double) -> String {
        NumberFormat.trimmed(NumberFormat.fixed(value, 5)) + "%"
    }

    /// `0%`, `90%`, `99%`, `99.9%`, `99.99%`, …
    static func label(nines k: Int) -> String {
        switch k {
        case 0: return "0%"
        case 1: return "90%"
        case 2: return "99%"
        default: return "99." + String(repeating: "9", count: k - 2) + "%"
        }
    }
}
