/// Counts of observations per `LatencyBuckets` bucket (not cumulative), with their sum.
public struct LatencyHistogram: Sendable, Equatable {
    /// One count per bucket, the `+Inf` bucket last.
    public private(set) var counts: [UInt64]
    /// Sum of every observation, in nanoseconds.
    public private(set) var sumNanos: UInt64

    /// An empty histogram.
    public init() {
        counts = [UInt64](repeating: 0, count: LatencyBuckets.count)
        sumNanos = 0
    }

    /// Observations so far.
    public var count: UInt64 { counts.reduce(0, &+) }

    /// The sum in seconds, as `_sum` reports it.
    public var sumSeconds: Double { Double(sumNanos) / 1e9 }

    /// Adds one observation.
    public mutating func record(nanos: UInt64) {
        counts[LatencyBuckets.index(ofNanos: nanos)] &+= 1
        sumNanos &+= nanos
    }

    /// Adds a batch of observations (one bounds lookup for all of them).
    public mutating func record(_ latencies: [UInt64]) {
        var sum: UInt64 = 0
        LatencyBuckets.boundsNanos.withUnsafeBufferPointer { bounds in
            counts.withUnsafeMutableBufferPointer { counts in
                for nanos in latencies {
                    counts[LatencyBuckets.index(ofNanos: nanos, in: bounds)] &+= 1
                    sum &+= nanos
                }
            }
        }
        sumNanos &+= sum
    }
}
