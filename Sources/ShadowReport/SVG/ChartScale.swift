/// One tick of an axis: where it sits in the domain and its label.
public struct AxisTick: Sendable, Equatable {
    /// The domain value.
    public var value: Double
    /// The label drawn beside it.
    public var label: String

    /// A tick at `value` labelled `label`.
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// Maps domain values to a 0…1 fraction of an axis and names its ticks; the chart turns fractions into pixels.
public protocol ChartScale: Sendable {
    /// Where `value` sits along the axis: 0 at the start, 1 at the end (outside for values beyond the domain).
    func fraction(of value: Double) -> Double
    /// The axis ticks, in increasing order.
    var ticks: [AxisTick] { get }
    /// A short text for `value` in tooltips.
    func describe(_ value: Double) -> String
}
