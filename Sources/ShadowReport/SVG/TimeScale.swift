/// A time axis over epoch milliseconds with ticks at round UTC instants (1 s … 30 days) labelled `HH:MM`,
/// `HH:MM:SS` or `MM-DD` as the step calls for; the date is added where it changes.
public struct TimeScale: ChartScale {
    /// First instant of the axis (epoch ms).
    public let lower: Double
    /// Last instant of the axis (epoch ms).
    public let upper: Double
    /// The tick step in seconds.
    public let stepSeconds: Double

    /// Steps the axis may use, in seconds.
    static let steps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
                                  43200, 86400, 172_800, 345_600, 604_800, 1_209_600, 2_592_000]

    /// An axis over `lower…upper` (epoch ms) with at most about `count` ticks.
    public init(lower: Double, upper: Double, count: Int = 6) {
        var lo = lower
        var hi = upper
        if hi <= lo { hi = lo + 1000 }
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1000 }
        self.lower = lo
        self.upper = hi
        let span = (hi - lo) / 1000
        stepSeconds = Self.steps.first { span / $0 <= Double(max(count, 2)) } ?? (span / Double(max(count, 2))).rounded(.up)
    }

    /// Position of an instant between the ends.
    public func fraction(of value: Double) -> Double { (value - lower) / (upper - lower) }

    /// Round instants within the axis.
    public var ticks: [AxisTick] {
        let stepMs = stepSeconds * 1000
        var t = (lower / stepMs).rounded(.up) * stepMs
        var out: [AxisTick] = []
        var lastDay: Int64?
        while t <= upper + 1e-6 {
            let day = Int64((t / 86_400_000).rounded(.down))
            let withDate = stepSeconds >= 86400 || lastDay != day
            out.append(AxisTick(value: t, label: label(t, withDate: withDate)))
            lastDay = day
            t += stepMs
        }
        return out
    }

    /// The instant as `YYYY-MM-DD HH:MM:SS`.
    public func describe(_ value: Double) -> String { CivilTime(epochMs: value).text(seconds: true) }

    func label(_ ms: Double, withDate: Bool) -> String {
        let c = CivilTime(epochMs: ms)
        if stepSeconds >= 86400 { return c.monthDay }
        let clock = stepSeconds < 60 ? c.clock(seconds: true) : c.clock(seconds: false)
        return withDate ? c.monthDay + " " + clock : clock
    }
}
