/// Per model, one sparse latency histogram per interval of the run (by intended instant). Memory grows with the
/// run's duration, not its requests: past `maxIntervals` adjacent intervals are merged and the width doubles.
struct IntervalHistograms: Sendable {
    /// Interval width in nanoseconds (doubles when intervals are merged).
    private(set) var widthNanos: UInt64
    let maxIntervals: Int
    /// [model][interval]: bucket → count.
    private(set) var counts: [[[Int: UInt32]]]

    init(models: Int, widthNanos: UInt64, maxIntervals: Int = 4096) {
        self.widthNanos = max(widthNanos, 1)
        self.maxIntervals = maxIntervals
        counts = Array(repeating: [], count: models)
    }

    /// Records one latency of model `model`, for a request intended `offsetNanos` after the start.
    mutating func record(model: Int, offsetNanos: UInt64, nanos: UInt64) {
        var interval = Int(offsetNanos / widthNanos)
        while interval >= maxIntervals {
            mergePairs()
            interval = Int(offsetNanos / widthNanos)
        }
        while counts[model].count <= interval { counts[model].append([:]) }
        counts[model][interval][LogBuckets.index(nanos), default: 0] += 1
    }

    /// Halves the number of intervals by adding each pair together.
    private mutating func mergePairs() {
        widthNanos *= 2
        for m in counts.indices {
            var merged: [[Int: UInt32]] = []
            var i = 0
            while i < counts[m].count {
                var pair = counts[m][i]
                if i + 1 < counts[m].count { pair.merge(counts[m][i + 1], uniquingKeysWith: +) }
                merged.append(pair)
                i += 2
            }
            counts[m] = merged
        }
    }

    /// Model `model`'s intervals as sorted (bucket, count) lists.
    func intervals(of model: Int) -> [[(bucket: Int, count: UInt32)]] {
        counts[model].map { $0.sorted { $0.key < $1.key }.map { (bucket: $0.key, count: $0.value) } }
    }
}
