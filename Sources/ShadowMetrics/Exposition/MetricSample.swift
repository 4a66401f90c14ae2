/// One line of a family: a name suffix (`_bucket`, `_sum`, `_count` or none), labels and a value.
public struct MetricSample: Sendable, Equatable {
    /// Appended to the family name (empty for counters and gauges).
    public var suffix: String
    /// Label pairs in the order they are written.
    public var labels: [MetricLabel]
    /// The value (NaN and ±infinity are written as `NaN`, `+Inf`, `-Inf`).
    public var value: Double

    /// Creates a sample.
    public init(suffix: String = "", labels: [MetricLabel] = [], value: Double) {
        self.suffix = suffix
        self.labels = labels
        self.value = value
    }
}

/// A label pair; the value may hold any text (escaped when written).
public struct MetricLabel: Sendable, Equatable {
    /// The label name (`[a-zA-Z_][a-zA-Z0-9_]*`, fixed in code).
    public var name: String
    /// The label value.
    public var value: String

    /// Creates a label pair.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
