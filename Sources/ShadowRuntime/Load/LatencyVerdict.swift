/// Champion vs one shadow at one latency percentile: the shadow/champion ratio of service times and its
/// bootstrap confidence interval over interval histograms ("12% slower at p99, ±3%").
public struct LatencyVerdict: Sendable, Equatable, Codable {
    /// The shadow (or replica) compared.
    public var shadow: String
    /// The champion it is compared with.
    public var champion: String
    /// The percentile (50, 90, 99).
    public var percentile: Double
    /// Shadow latency / champion latency at the percentile over the whole run.
    public var ratio: Double
    /// The 95% bootstrap interval of the ratio (nil when the run had fewer than two intervals with answers).
    public var low: Double?
    public var high: Double?
    /// Intervals the bootstrap resampled.
    public var intervals: Int
    /// `slower`, `faster` or `same` (the interval contains 1, or there is no interval).
    public var verdict: String

    /// A verdict from its figures; `verdict` is derived from the interval.
    public init(shadow: String, champion: String, percentile: Double, ratio: Double, low: Double?, high: Double?,
                intervals: Int) {
        self.shadow = shadow
        self.champion = champion
        self.percentile = percentile
        self.ratio = ratio
        self.low = low
        self.high = high
        self.intervals = intervals
        if let low, let high, low > 1 || high < 1 {
            verdict = low > 1 ? "slower" : "faster"
        } else {
            verdict = "same"
        }
    }

    /// Half the interval's width, in percent of the champion's latency.
    public var plusMinusPercent: Double? {
        guard let low, let high else { return nil }
        return (high - low) / 2 * 100
    }

    /// One line such as `shadow-b at p99: 12.0% slower than champion (±3.0%, 95% CI 9.1%…15.2%, 60 intervals)`.
    public var sentence: String {
        let change = (ratio - 1) * 100
        let direction = change >= 0 ? "slower" : "faster"
        var text = "\(shadow) at p\(Self.number(percentile)): \(Self.fixed(abs(change)))% \(direction) than \(champion)"
        if let pm = plusMinusPercent, let low, let high {
            text += " (±\(Self.fixed(pm))%, 95% CI \(Self.fixed((low - 1) * 100))%…\(Self.fixed((high - 1) * 100))%, "
                + "\(intervals) intervals)"
            text += verdict == "same" ? ": no significant difference" : ": significant"
        } else {
            text += " (too few intervals for a confidence interval)"
        }
        return text
    }

    static func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    static func fixed(_ x: Double) -> String {
        let scaled = (x * 10).rounded()
        let sign = scaled < 0 ? "-" : ""
        let a = abs(scaled)
        return "\(sign)\(Int(a) / 10).\(Int(a) % 10)"
    }
}
