/// The fixed upper bounds of `shadowd_request_latency_seconds`: 1 µs to 10 s in 1–2.5–5 steps, which covers
/// embedded models (about a microsecond) and HTTP or process models (milliseconds to seconds) alike.
public enum LatencyBuckets {
    /// Upper bounds in nanoseconds, ascending; observations above the last fall in the `+Inf` bucket.
    public static let boundsNanos: [UInt64] = [
        1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
        1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000, 500_000_000,
        1_000_000_000, 2_500_000_000, 5_000_000_000, 10_000_000_000,
    ]

    /// The same bounds in seconds, as the `le` labels write them.
    public static let boundsSeconds: [Double] = boundsNanos.map { Double($0) / 1e9 }

    /// Buckets per histogram, `+Inf` included.
    public static var count: Int { boundsNanos.count + 1 }

    /// The bucket of an observation: the first bound it does not exceed (`le` is inclusive), or the `+Inf`
    /// bucket's index (`boundsNanos.count`).
    @inline(__always)
    public static func index(ofNanos nanos: UInt64, in bounds: UnsafeBufferPointer<UInt64>) -> Int {
        var low = 0
        var high = bounds.count
        while low < high {
            let middle = (low &+ high) >> 1
            if nanos <= bounds[middle] { high = middle } else { low = middle &+ 1 }
        }
        return low
    }

    /// The bucket of an observation (see `index(ofNanos:in:)`).
    public static func index(ofNanos nanos: UInt64) -> Int {
        boundsNanos.withUnsafeBufferPointer { index(ofNanos: nanos, in: $0) }
    }
}
