import Histogram

/// One model's latency distribution over a run, in nanoseconds, in an HDR histogram (3 significant digits).
public struct LatencyRecorder: Sendable {
    /// Highest value tracked: one hour; larger values are clamped to it.
    public static let highestTrackableNanos: UInt64 = 3_600_000_000_000

    public private(set) var histogram: Histogram<UInt64>
    public private(set) var errors: Int = 0

    public init() {
        histogram = Histogram(lowestDiscernibleValue: 1, highestTrackableValue: Self.highestTrackableNanos,
                              numberOfSignificantValueDigits: .three)
    }

    /// Records one answered request's latency.
    @inline(__always)
    public mutating func record(nanos: UInt64) {
        _ = histogram.record(Self.trackable(nanos))
    }

    /// `nanos` within the histogram's range (1 ns to `highestTrackableNanos`).
    @inline(__always)
    static func trackable(_ nanos: UInt64) -> UInt64 { min(max(nanos, 1), highestTrackableNanos) }

    /// Records a batch of answers: each answered record's latency, and a count of the failed ones. A run of equal
    /// latencies (an embedded model's batch shares its time) is recorded once with its count.
    public mutating func record(_ batch: PredictionBatch) {
        var value: UInt64 = 0
        var run: UInt64 = 0
        for i in 0..<batch.count {
            guard batch.errors[i] == nil else {
                errors += 1
                continue
            }
            let nanos = Self.trackable(batch.latencyNanos[i])
            if nanos != value {
                if run > 0 { _ = histogram.record(value, count: run) }
                value = nanos
                run = 0
            }
            run += 1
        }
        if run > 0 { _ = histogram.record(value, count: run) }
    }

    /// Counts one failed request (its latency is recorded too, when it has one).
    public mutating func recordError() {
        errors += 1
    }

    /// Adds another recorder's values (recorders are kept per task and merged).
    public mutating func merge(_ other: LatencyRecorder) {
        histogram.add(other.histogram)
        errors += other.errors
    }

    public var count: Int { Int(histogram.totalCount) }

    /// The value at a percentile (0…100), in milliseconds.
    public func milliseconds(atPercentile p: Double) -> Double {
        histogram.totalCount == 0 ? 0 : Double(histogram.valueAtPercentile(p)) / 1e6
    }

    public var maxMilliseconds: Double {
        histogram.totalCount == 0 ? 0 : Double(histogram.max) / 1e6
    }
}
