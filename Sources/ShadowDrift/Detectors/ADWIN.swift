#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// ADaptive WINdowing (Bifet & Gavaldà 2007) with River's parameters and arithmetic: the same bucket rows,
/// variance updates and cut order, so it reports drift on exactly the samples River's ADWIN does.
///
/// Speed: like River it looks for a cut only every `clock` samples, but it first proves, with bounds that can only
/// be looser than River's test (ADWIN+Screen.swift), that no cut point can be significant; only when that proof
/// fails does it run River's cut search operation for operation (ADWIN+Scan.swift). Samples reach the bucket rows
/// in batches, just before a check (ADWIN+Buckets.swift): the rows then hold exactly what River's hold.
public struct ADWIN: StreamingDetector {
    /// Confidence parameter δ.
    public let delta: Double
    /// Look for a cut every `clock` samples.
    public let clock: Int
    /// Buckets per row before two merge into the next row.
    public let maxBuckets: Int
    /// Smallest sub-window on either side of a cut.
    public let minWindowLength: Int
    /// Samples before the first check.
    public let gracePeriod: Int
    /// Start a fresh window after a detection, as River's `ADWIN.update` does.
    public let resetOnDrift: Bool

    var total = 0.0
    var variance = 0.0
    var width = 0.0
    /// total / width, computed after each insert so the next insert's mean needs no division on arrival
    /// (the same IEEE operation River performs as `total / (width - 1)` at the next insert).
    var windowMean = 0.0
    /// An upper bound of Σ|bucket total| over the window (Σ|x| since the last reset): scales the rounding margins.
    var sumAbs = 0.0
    /// Samples left until the next check (River's `tick % clock == 0` without a division per sample).
    var untilCheck: Int
    /// Bucket rows in use; row r holds buckets of 2^r samples, oldest first.
    var rowCount = 1
    /// Buckets per row, `ADWIN.maxRows` + 1 slots.
    var rowCounts = [Int32](repeating: 0, count: 64)
    /// Row r at r·rowStride: (total, variance) of its buckets, then the screen's cached row summary
    /// (ADWIN+Screen.swift), for `ADWIN.maxRows` rows.
    var cells: [Double]
    /// Samples not yet in the bucket rows (ADWIN+Buckets.swift), stored inline: the per-sample path touches no
    /// array (a tuple rather than `InlineArray`, which needs macOS 26).
    var pending: PendingSamples = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                   0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                   0, 0, 0, 0, 0, 0, 0, 0)
    /// Samples in `pending`.
    var pendingCount = 0
    /// Bit r set: row r changed since its summary was computed (or has none).
    var dirtyRows: UInt64 = ~0
    /// δ′ at `deltaPrimeWidth` (ADWIN+Screen.swift).
    var deltaPrimeLow = 0.0
    var deltaPrimeWidth = 0.0
    var driftPending = false
    /// Changes detected since creation.
    public internal(set) var detections = 0

    /// Rows preallocated: 2^63 samples, more than any stream, so the hot path never grows an array.
    static let maxRows = 63
    /// Doubles of a row's summary after its buckets.
    static let summarySize = 6
    /// Samples collected before they are pushed through the rows (the size of `PendingSamples`).
    static let pendingCapacity = 64

    /// 64 samples.
    typealias PendingSamples = (Double, Double, Double, Double, Double, Double, Double, Double,
                                Double, Double, Double, Double, Double, Double, Double, Double,
                                Double, Double, Double, Double, Double, Double, Double, Double,
                                Double, Double, Double, Double, Double, Double, Double, Double,
                                Double, Double, Double, Double, Double, Double, Double, Double,
                                Double, Double, Double, Double, Double, Double, Double, Double,
                                Double, Double, Double, Double, Double, Double, Double, Double,
                                Double, Double, Double, Double, Double, Double, Double, Double)

    /// A detector with River's defaults (δ 0.002, clock 32, 5 buckets, min window 5, grace period 10).
    public init(delta: Double = 0.002, clock: Int = 32, maxBuckets: Int = 5, minWindowLength: Int = 5,
                gracePeriod: Int = 10, resetOnDrift: Bool = true) {
        precondition(maxBuckets >= 2 && maxBuckets < 1 << 20 && clock >= 1)
        self.delta = delta
        self.clock = clock
        self.maxBuckets = maxBuckets
        self.minWindowLength = minWindowLength
        self.gracePeriod = gracePeriod
        self.resetOnDrift = resetOnDrift
        untilCheck = clock
        cells = [Double](repeating: 0, count: Self.maxRows * (2 * (maxBuckets + 1) + Self.summarySize)
                                                 + 4 * (maxBuckets + Self.pendingCapacity))
    }

    /// Samples in the current window.
    public var windowLength: Int { Int(width) }
    /// Mean of the current window.
    public var estimation: Double { width > 0 ? total / width : 0 }
    /// Sample variance of the current window.
    public var windowVariance: Double { width > 0 ? variance / width : 0 }

    /// Doubles per row in `cells`.
    var rowStride: Int { 2 * (maxBuckets + 1) + Self.summarySize }

    /// Feeds one sample.
    public mutating func update(_ x: Double) -> DetectorSignal {
        if driftPending {
            driftPending = false
            if resetOnDrift { resetWindow() }
        }
        insert(x)
        untilCheck &-= 1
        guard untilCheck == 0 else { return .none }
        untilCheck = clock
        guard width > Double(gracePeriod) else { return .none }
        flush()
        if detectChange() {
            detections += 1
            driftPending = true
            return .drift
        }
        return .none
    }

    private mutating func resetWindow() {
        total = 0; variance = 0; width = 0; untilCheck = clock; windowMean = 0; sumAbs = 0
        for r in 0..<rowCount { rowCounts[r] = 0 }
        rowCount = 1
        pendingCount = 0
        dirtyRows = ~0
    }

    /// Window statistics as River updates them on every sample; the bucket itself waits in `pending`.
    @inline(__always)
    private mutating func insert(_ x: Double) {
        width += 1
        if width > 1 {
            let d = x - windowMean
            variance += (width - 1) * d * d / width
        }
        total += x
        windowMean = total / width
        sumAbs += abs(x)
        let offset = pendingCount &* MemoryLayout<Double>.stride
        withUnsafeMutableBytes(of: &pending) { $0.storeBytes(of: x, toByteOffset: offset, as: Double.self) }
        pendingCount &+= 1
        if pendingCount == Self.pendingCapacity { flush() }
    }

    /// Drops the oldest bucket (the first entry of the last row).
    mutating func deleteOldest() {
        let last = rowCount - 1
        let base = last * rowStride
        let n = Double(1 << last)
        let u = cells[base], v = cells[base + 1]
        let mu = u / n
        width -= n
        total -= u
        let muWindow = total / width
        variance -= v + n * width * (mu - muWindow) * (mu - muWindow) / (n + width)
        windowMean = muWindow
        let count = Int(rowCounts[last])
        for k in 2..<(2 * count) { cells[base + k - 2] = cells[base + k] }
        rowCounts[last] -= 1
        if rowCounts[last] == 0 && rowCount > 1 { rowCount -= 1 }
        dirtyRows = ~0
    }

    /// River's cut search: repeat while some cut is significant, dropping the oldest bucket each time. The first
    /// pass is skipped when the screen proves no cut can be significant.
    private mutating func detectChange() -> Bool {
        if noCutCanFire() { return false }
        var detected = false
        while scanForCut() {
            detected = true
            if width > 0 { deleteOldest() } else { break }
        }
        return detected
    }
}
