/// One model's answers for a `RecordBatch`, stored flat: `width` values per record.
public struct PredictionBatch: Sendable {
    public let width: Int
    /// `count × width` values; the row of a record that errored is left as NaN.
    public var values: [Double]
    /// Per record: nil when the model answered, else why it did not.
    public var errors: [ModelErrorCode?]
    /// Per record: latency in nanoseconds (from the intended instant when a scheduler sets one).
    public var latencyNanos: [UInt64]

    public init(count: Int, width: Int) {
        self.width = width
        self.values = [Double](repeating: .nan, count: count * width)
        self.errors = [ModelErrorCode?](repeating: nil, count: count)
        self.latencyNanos = [UInt64](repeating: 0, count: count)
    }

    public var count: Int { errors.count }

    /// The output row of record `index`.
    public func row(_ index: Int) -> ArraySlice<Double> {
        values[(index * width)..<((index + 1) * width)]
    }
}
