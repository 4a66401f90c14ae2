/// A linear axis over nice ticks that cover the data (the domain is widened to the outer ticks).
public struct LinearScale: ChartScale {
    /// The ticks the domain was widened to.
    public let nice: NiceTicks
    /// A unit appended to tick labels (`ms`, `%`); empty for none.
    public let unit: String
    /// Whether labels show values × 100 with `%`.
    public let percent: Bool

    /// A scale covering `lower…upper` with about `count` ticks.
    public init(lower: Double, upper: Double, count: Int = 5, unit: String = "", percent: Bool = false) {
        nice = NiceTicks(lower: lower, upper: upper, count: count)
        self.unit = unit
        self.percent = percent
    }

    /// A scale covering every finite value of `values` (and `including`, e.g. 0).
    public init(covering values: [Double], including: [Double] = [], count: Int = 5, unit: String = "",
                percent: Bool = false) {
        let finite = (values + including).filter(\.isFinite)
        self.init(lower: finite.min() ?? 0, upper: finite.max() ?? 1, count: count, unit: unit, percent: percent)
    }

    /// Position of `value` between the outer ticks.
    public func fraction(of value: Double) -> Double {
        (value - nice.lower) / (nice.upper - nice.lower)
    }

    /// One labelled tick per nice value.
    public var ticks: [AxisTick] {
        nice.values.map { AxisTick(value: $0, label: label($0)) }
    }

    /// The value with a few significant digits and the unit.
    public func describe(_ value: Double) -> String {
        percent ? NumberFormat.percent(value, 2) : NumberFormat.short(value) + unit
    }

    func label(_ value: Double) -> String {
        percent ? NumberFormat.tick(value * 100, step: nice.step * 100) + "%" : NumberFormat.tick(value, step: nice.step) + unit
    }
}
