import Histogram

/// A latency percentile curve as HdrHistogram plots it: (percentile, milliseconds) pairs from the histogram's
/// percentile iteration (5 ticks per half distance), ending at the largest value.
public struct PercentileCurve: Sendable, Equatable {
    /// One point.
    public struct Point: Sendable, Equatable {
        /// Percentile, 0…100.
        public var percentile: Double
        /// Latency in milliseconds at or below which `percentile` % of requests answered.
        public var milliseconds: Double
    }

    /// Points in increasing percentile order.
    public var points: [Point]
    /// Values in the histogram.
    public var count: Int

    /// The curve of a histogram of nanoseconds.
    public init(histogram: Histogram<UInt64>) {
        count = Int(histogram.totalCount)
        var out: [Point] = []
        if histogram.totalCount > 0 {
            for item in histogram.percentiles(ticksPerHalfDistance: 5) {
                let p = item.percentileLevelIteratedTo
                let ms = Double(item.value) / 1e6
                if let last = out.last, last.percentile >= p { continue }
                out.append(Point(percentile: p, milliseconds: ms))
                if p >= 100 { break }
            }
        }
        points = out
    }

    /// The latency at `percentile` (the first point at or above it), in milliseconds.
    public func milliseconds(atPercentile percentile: Double) -> Double? {
        points.first { $0.percentile >= percentile }?.milliseconds ?? points.last?.milliseconds
    }
}
