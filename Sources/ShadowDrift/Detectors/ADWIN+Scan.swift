#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ADWIN {
    /// River's pass over the cut points, oldest bucket first: true at the first significant cut.
    ///
    /// Prefix sums are accumulated in River's order and every cut that passes the necessary condition of
    /// `ADWINScreenBounds` gets River's `evaluate_cut`, operation for operation.
    mutating func scanForCut() -> Bool {
        guard let bounds = screenBounds else { return plainScan() }
        let rowStride = self.rowStride
        let w = width, mwl = Double(minWindowLength)
        return cells.withUnsafeBufferPointer { t -> Bool in
            var n0 = 0.0, u0 = 0.0, u1 = total
            var row = rowCount - 1
            while row >= 0 {
                let size = Double(1 << row)
                let count = Int(rowCounts[row])
                let base = row &* rowStride
                for k in 0..<count {
                    let tk = t[base &+ 2 &* k]
                    n0 += size
                    u0 += tk
                    u1 -= tk
                    if n0 >= mwl && w - n0 >= mwl && bounds.mayFire(n0: n0, u0: u0)
                        && exactCut(n0, w - n0, u0, u1) { return true }
                }
                row -= 1
            }
            return false
        }
    }

    /// River's loop with no screen, for parameters the screen's bounds do not cover (min window < 1, δ so large
    /// that log(2·log W/δ) ≤ 0, non-finite sums).
    func plainScan() -> Bool {
        let rowStride = self.rowStride
        var n0 = 0.0, n1 = width, u0 = 0.0, u1 = total
        let mwl = Double(minWindowLength)
        var row = rowCount - 1
        while row >= 0 {
            let size = Double(1 << row)
            let count = Int(rowCounts[row])
            for k in 0..<count {
                n0 += size
                n1 -= size
                let tk = cells[row * rowStride + 2 * k]
                u0 += tk
                u1 -= tk
                if row == 0 && k == count - 1 { return false }
                if n1 >= mwl && n0 >= mwl && exactCut(n0, n1, u0, u1) { return true }
            }
            row -= 1
        }
        return false
    }

    /// River's `evaluate_cut`, operation for operation.
    func exactCut(_ n0: Double, _ n1: Double, _ u0: Double, _ u1: Double) -> Bool {
        let deltaMean = (u0 / n0) - (u1 / n1)
        let mwl = Double(minWindowLength)
        let deltaPrime = log(2.0 * log(width) / delta)
        let mRecip = 1.0 / (n0 - mwl + 1.0) + 1.0 / (n1 - mwl + 1.0)
        let epsilon = (2.0 * mRecip * (variance / width) * deltaPrime).squareRoot() + 2.0 / 3.0 * deltaPrime * mRecip
        return abs(deltaMean) > epsilon
    }
}
