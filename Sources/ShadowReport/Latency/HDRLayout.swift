/// HdrHistogram's counts-array layout for lowest discernible value 1: which value an index stands for.
struct HDRLayout: Sendable {
    let subBucketHalfCountMagnitude: Int
    let subBucketHalfCount: Int

    init(significantDigits: Int) {
        var largest = 2
        for _ in 0..<significantDigits { largest *= 10 }
        // subBucketCount = 2^ceil(log2(2·10^digits)); its half is the magnitude below.
        var magnitude = 0
        while (1 << magnitude) < largest { magnitude += 1 }
        subBucketHalfCountMagnitude = max(magnitude - 1, 0)
        subBucketHalfCount = 1 << subBucketHalfCountMagnitude
    }

    /// The lowest value counted at `index` (HdrHistogram's `valueFromIndex`, unit magnitude 0).
    func value(atIndex index: Int) -> UInt64 {
        var bucket = (index >> subBucketHalfCountMagnitude) - 1
        var subBucket = (index & (subBucketHalfCount - 1)) + subBucketHalfCount
        if bucket < 0 {
            subBucket -= subBucketHalfCount
            bucket = 0
        }
        return UInt64(subBucket) << UInt64(bucket)
    }
}
