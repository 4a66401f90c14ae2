/// The rows a retrain sees: `count` rows of `width` feature values (row-major) and one label per row.
///
/// Labels are class indexes (0/1 for binary, 0..<k for multiclass) or real targets (regression).
public struct TrainingWindow: Sendable {
    /// Row-major feature values, `count × width`; NaN is missing.
    public var values: [Double]
    /// One label per row.
    public var labels: [Double]
    /// Features per row.
    public let width: Int

    /// An empty window of rows `width` wide.
    public init(width: Int, capacity: Int = 0) {
        self.width = width
        values = []
        labels = []
        values.reserveCapacity(capacity * width)
        labels.reserveCapacity(capacity)
    }

    /// Rows in the window.
    public var count: Int { labels.count }

    /// Appends one row.
    public mutating func append(_ row: some Collection<Double>, label: Double) {
        values.append(contentsOf: row)
        labels.append(label)
    }
}
