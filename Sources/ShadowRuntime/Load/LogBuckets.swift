/// Log-linear latency buckets (128 per power of two, under 0.8% wide): a small, sparse histogram per interval
/// that the latency verdict can add up thousands of times.
enum LogBuckets {
    static let subBits = 7
    static let subCount = 1 << subBits

    /// The bucket of a value in nanoseconds.
    @inline(__always)
    static func index(_ nanos: UInt64) -> Int {
        let v = max(nanos, 1)
        if v < UInt64(subCount) { return Int(v) }
        let exponent = 63 - v.leadingZeroBitCount  // ≥ subBits
        let shift = exponent - subBits
        return (shift + 1) * subCount + Int((v >> UInt64(shift)) - UInt64(subCount))
    }

    /// A representative value of bucket `index` (its midpoint), in nanoseconds.
    static func value(_ index: Int) -> Double {
        if index < subCount { return Double(index) }
        let shift = index / subCount - 1
        let mantissa = index % subCount + subCount
        let low = Double(UInt64(mantissa) << UInt64(shift))
        return low + Double(UInt64(1) << UInt64(shift)) / 2 - 0.5
    }
}
