#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ADWIN {
    /// The screen's constants for the current window, nil where they do not apply. δ′ = log(2·log W/δ) grows
    /// with W, so the value cached at a smaller width (`deltaPrimeWidth` ≤ W < 1.5·`deltaPrimeWidth`) is a lower
    /// bound that only loosens the screen, and saves two logarithms per check.
    var screenBounds: ADWINScreenBounds? {
        mutating get {
            if !(width >= deltaPrimeWidth && width < 1.5 * deltaPrimeWidth && deltaPrimeLow > 0) {
                deltaPrimeWidth = width
                deltaPrimeLow = log(2 * log(width) / delta)
            }
            return ADWINScreenBounds(width: width, total: total, variance: variance, sumAbs: sumAbs,
                                deltaPrime: deltaPrimeLow, minWindowLength: minWindowLength)
        }
    }

    /// Lowest row whose summary is kept: rows of at least 2·clock samples, which often stay unchanged from one check
    /// to the next (younger rows change at every check).
    var summaryRow: Int { max(1, 64 - (2 * clock - 1).leadingZeroBitCount) }

    /// True when no cut point can be significant; false when one might be (then River's search decides).
    ///
    /// Rows are walked oldest first. A row unchanged since the last check (and so every older row, as merges only
    /// climb from row 0) is tested as a whole against its cached summary: prefix means m = u0/n0 in [lo, hi] over
    /// n0 in [nmin, nmax]. Dividing the per-cut condition by n0, a cut may fire only if
    /// |m − μ| + margin/n0 − g/n0 > √(k·(1/n0 − 1/W)); the left side is at most
    /// max(hi − μ, μ − lo) + margin/nmin − g/nmax and the right side at least √(k·(1/nmax − 1/W)), so one
    /// comparison clears the row. Cut points only disappear while a row is unchanged (no deletion happens without
    /// marking every row), so the summary stays a valid bound. Other rows are tested cut by cut.
    mutating func noCutCanFire() -> Bool {
        guard let b = screenBounds else { return false }
        let rowStride = self.rowStride, summaryOffset = 2 * (maxBuckets + 1)
        let mwl = Double(minWindowLength), last = width - mwl
        let summaryRow = self.summaryRow
        var dirty = dirtyRows
        let rows = rowCount
        let counts = rowCounts
        let fired = cells.withUnsafeMutableBufferPointer { c -> Bool in
            let p = c.baseAddress!
            var n0 = 0.0, u0 = 0.0
            var row = rows - 1
            while row >= 0 {
                let base = row &* rowStride
                let s = p + (base &+ summaryOffset)
                let count = Int(counts[row])
                let size = Double(bitPattern: UInt64(1023 &+ row) << 52)
                if row >= summaryRow && dirty >> UInt64(row) & 1 == 0 {
                    let a = max(s[1] - b.mu, b.mu - s[0]) + b.margin * s[2] - b.g * s[3]
                    if a > 0 && a * a > b.k * (b.w - s[4]) * s[3] * b.invW {
                        var n = n0, u = u0
                        for k in 0..<count {
                            n += size
                            u += p[base &+ 2 &* k]
                            if b.mayFire(n0: n, u0: u) && n >= mwl && n <= last { return true }
                        }
                    }
                    n0 = s[4]
                    u0 = s[5]
                } else if row >= summaryRow && count > 0 {
                    var lo = Double.infinity, hi = -Double.infinity
                    let first = n0 + size
                    for k in 0..<count {
                        n0 += size
                        u0 += p[base &+ 2 &* k]
                        if b.mayFire(n0: n0, u0: u0) && n0 >= mwl && n0 <= last { return true }
                        let m = u0 / n0
                        lo = min(lo, m)
                        hi = max(hi, m)
                    }
                    s[0] = lo
                    s[1] = hi
                    s[2] = 1 / first
                    s[3] = 1 / n0
                    s[4] = n0
                    s[5] = u0
                    dirty &= ~(1 << UInt64(row))
                } else {
                    for k in 0..<count {
                        n0 += size
                        // Every later cut leaves less than the minimum window after it.
                        if n0 > last { return false }
                        u0 += p[base &+ 2 &* k]
                        if b.mayFire(n0: n0, u0: u0) && n0 >= mwl { return true }
                    }
                }
                row -= 1
            }
            return false
        }
        dirtyRows = dirty
        return !fired
    }
}
