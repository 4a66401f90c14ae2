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
/// Speed: like River it looks for a cut only every `clock` samples. Each candidate cut is first screened with a
/// division-free, square-root-free form of the Hoeffding test, widened by a rounding margin so it can only
/// reject cuts the exact test would reject too; survivors get River's exact formula.
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
    /// Samples left until the next check (River's `tick % clock == 0` without a division per sample).
    var untilCheck: Int
    /// Bucket rows in use; row r holds buckets of 2^r samples, oldest first.
    var rowCount = 1
    /// Buckets per row, `ADWIN.maxRows` slots.
    var rowCounts: [Int]
    /// (total, variance) of bucket k of row r at 2·(r·(maxBuckets+1) + k), for `ADWIN.maxRows` rows.
    var cells: [Double]
    var driftPending = false
    /// Changes detected since creation.
    public internal(set) var detections = 0

    /// Rows preallocated: 2^63 samples, more than any stream, so the hot path never grows an array.
    static let maxRows = 63

    /// A detector with River's defaults (δ 0.002, clock 32, 5 buckets, min window 5, grace period 10).
    public init(delta: Double = 0.002, clock: Int = 32, maxBuckets: Int = 5, minWindowLength: Int = 5,
                gracePeriod: Int = 10, resetOnDrift: Bool = true) {
        precondition(maxBuckets >= 2 && clock >= 1)
        self.delta = delta
        self.clock = clock
        self.maxBuckets = maxBuckets
        self.minWindowLength = minWindowLength
        self.gracePeriod = gracePeriod
        self.resetOnDrift = resetOnDrift
        untilCheck = clock
        rowCounts = [Int](repeating: 0, count: Self.maxRows)
        cells = [Double](repeating: 0, count: Self.maxRows * (maxBuckets + 1) * 2)
    }

    /// Samples in the current window.
    public var windowLength: Int { Int(width) }
    /// Mean of the current window.
    public var estimation: Double { width > 0 ? total / width : 0 }
    /// Sample variance of the current window.
    public var windowVariance: Double { width > 0 ? variance / width : 0 }

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
        if detectChange() {
            detections += 1
            driftPending = true
            return .drift
        }
        return .none
    }

    private mutating func resetWindow() {
        total = 0; variance = 0; width = 0; untilCheck = clock; windowMean = 0
        for r in 0..<rowCount { rowCounts[r] = 0 }
        rowCount = 1
    }

    @inline(__always)
    private mutating func insert(_ x: Double) {
        width += 1
        if width > 1 {
            let d = x - windowMean
            variance += (width - 1) * d * d / width
        }
        total += x
        windowMean = total / width
        let slots = maxBuckets + 1
        let maxBuckets = self.maxBuckets
        var rows = rowCount
        cells.withUnsafeMutableBufferPointer { c in
            rowCounts.withUnsafeMutableBufferPointer { r in
                c[2 * r[0]] = x
                c[2 * r[0] + 1] = 0
                r[0] += 1
                var row = 0
                // River's compress: a full row merges its two oldest buckets into one of the next row.
                while r[row] == slots {
                    let base = 2 * row * slots
                    // Division by 2^row is exact scaling, so multiplying by 2^−row gives River's bits; both powers
                    // of two are built from their exponent bits (no division, no conversion).
                    let inverse = Double(bitPattern: UInt64(1023 &- row) << 52)
                    let t0 = c[base], t1 = c[base + 2]
                    let size = Double(bitPattern: UInt64(1023 &+ row) << 52)
                    let mu1 = t0 * inverse, mu2 = t1 * inverse
                    let v12 = c[base + 1] + c[base + 3] + size * 0.5 * (mu1 - mu2) * (mu1 - mu2)
                    if row + 1 == rows { rows += 1 }
                    let next = 2 * ((row + 1) * slots + r[row + 1])
                    c[next] = t0 + t1
                    c[next + 1] = v12
                    r[row + 1] += 1
                    if slots == 6 {
                        for k in 0..<8 { c[base &+ k] = c[base &+ k &+ 4] }
                    } else {
                        for k in 4..<(2 * slots) { c[base &+ k &- 4] = c[base &+ k] }
                    }
                    r[row] -= 2
                    if r[row + 1] <= maxBuckets { break }
                    row += 1
                }
            }
        }
        rowCount = rows
    }

    /// Drops the oldest bucket (the first entry of the last row).
    private mutating func deleteOldest() {
        let slots = maxBuckets + 1
        let last = rowCount - 1
        let base = 2 * last * slots
        let n = Double(1 << last)
        let u = cells[base], v = cells[base + 1]
        let mu = u / n
        width -= n
        total -= u
        let muWindow = total / width
        variance -= v + n * width * (mu - muWindow) * (mu - muWindow) / (n + width)
        windowMean = muWindow
        for k in 2..<(2 * rowCounts[last]) { cells[base + k - 2] = cells[base + k] }
        rowCounts[last] -= 1
        if rowCounts[last] == 0 && rowCount > 1 { rowCount -= 1 }
    }

    /// River's cut search: repeat while some cut is significant, dropping the oldest bucket each time.
    private mutating func detectChange() -> Bool {
        var detected = false
        while scanForCut() {
            detected = true
            if width > 0 { deleteOldest() } else { break }
        }
        return detected
    }

    /// One pass over the cut points from the oldest bucket forward; true at the first significant cut.
    ///
    /// The screen uses D = u0·W − T·n0 (= n0·n1·(u0/n0 − u1/n1)), m = S/P with S = W − 2c constant per pass and
    /// P = (n0 − c)(n1 − c), so the test |D|/(n0 n1) > √(2 m v dp) + ⅔ dp m becomes, times n0·n1·P,
    /// L = |D|·P − ⅔·dp·S·n0·n1 > 0 and L² ≥ 2·v·dp·S·P·(n0·n1)². |D| is widened by a rounding bound first.
    /// Before that, a cheaper necessary condition rejects almost every cut: since m ≥ 1/n0 + 1/n1 = W/(n0·n1), a cut
    /// the exact test accepts has D² > 2·v·dp·W·n0·n1 (checked with a 4·10⁻⁹ relative margin).
    private func scanForCut() -> Bool {
        let slots = maxBuckets + 1
        let mwl = Double(minWindowLength)
        let c = mwl - 1
        let w = width, total = self.total
        let dp = log(2 * log(w) / delta)
        let v = variance / w
        let s = w - 2 * c
        let k1 = 2.0 / 3.0 * dp * s * (1 - 1e-12)
        let k2 = 2 * v * dp * s * (1 - 1e-9)
        let k3 = 2 * v * dp * w * (1 - 4e-9)
        let ew = 1e-12 * w, et = 1e-12 * abs(total)
        let rowsInUse = rowCount
        return cells.withUnsafeBufferPointer { t -> Bool in
            rowCounts.withUnsafeBufferPointer { rows -> Bool in
                var n0 = 0.0, u0 = 0.0, u1 = total
                var row = rowsInUse - 1
                while row >= 0 {
                    let size = Double(1 << row)
                    // River never tests the cut after the newest bucket.
                    let count = row == 0 ? rows[0] - 1 : rows[row]
                    let base = 2 &* row &* slots
                    // Every row is walked over all its slots, masked past `count`: a fixed trip count keeps the
                    // loop exit predictable, and the cut test is one branch that is almost never taken.
                    var k = 0
                    while k < slots {
                        let live = k < count
                        let tk = live ? t[base &+ 2 &* k] : 0
                        n0 += live ? size : 0
                        u0 += tk
                        u1 -= tk
                        let d = abs(u0 * w - total * n0) + (abs(u0) * ew + et * n0) + 1e-300
                        let q = n0 * (w - n0)
                        if !(d * d < k3 * q) && live && screen(d, n0, q, c, k1, k2, w, mwl)
                            && exactCut(n0, w - n0, u0, u1) { return true }
                        k &+= 1
                    }
                    row -= 1
                }
                return false
            }
        }
    }

    /// The division-free screen above for one cut whose necessary condition held.
    @inline(__always)
    private func screen(_ d: Double, _ n0: Double, _ q: Double, _ c: Double, _ k1: Double, _ k2: Double, _ w: Double,
                        _ mwl: Double) -> Bool {
        let n1 = w - n0
        guard n1 >= mwl && n0 >= mwl else { return false }
        let p = (n0 - c) * (n1 - c)
        let l = max(d * p - k1 * q, 0)
        return l * l > k2 * p * q * q
    }

    /// River's `evaluate_cut`, operation for operation.
    private func exactCut(_ n0: Double, _ n1: Double, _ u0: Double, _ u1: Double) -> Bool {
        let deltaMean = (u0 / n0) - (u1 / n1)
        let mwl = Double(minWindowLength)
        let deltaPrime = log(2.0 * log(width) / delta)
        let mRecip = 1.0 / (n0 - mwl + 1.0) + 1.0 / (n1 - mwl + 1.0)
        let epsilon = (2.0 * mRecip * (variance / width) * deltaPrime).squareRoot() + 2.0 / 3.0 * deltaPrime * mRecip
        return abs(deltaMean) > epsilon
    }
}
