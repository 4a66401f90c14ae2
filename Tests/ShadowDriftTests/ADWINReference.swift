#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A line-by-line port of River 0.26.1's `AdaptiveWindowing` (rust_src/adwin.rs) and of the Python wrapper's
/// reset after a detection: rows as plain arrays, compress after every insert, every cut evaluated with River's
/// formula. The fast ADWIN must detect on exactly the same samples and keep the same window statistics.
struct ADWINReference {
    let delta: Double, clock: Int, maxBuckets: Int, minWindow: Double, grace: Double, resetOnDrift: Bool
    var total = 0.0, variance = 0.0, width = 0.0
    var tick = 0
    var rows: [[(total: Double, variance: Double)]] = [[]]
    var detected = false

    init(delta: Double = 0.002, clock: Int = 32, maxBuckets: Int = 5, minWindowLength: Int = 5,
         gracePeriod: Int = 10, resetOnDrift: Bool = true) {
        self.delta = delta
        self.clock = clock
        self.maxBuckets = maxBuckets
        minWindow = Double(minWindowLength)
        grace = Double(gracePeriod)
        self.resetOnDrift = resetOnDrift
    }

    /// River's `ADWIN.update` followed by `drift_detected`.
    mutating func update(_ x: Double) -> Bool {
        if detected && resetOnDrift {
            self = ADWINReference(delta: delta, clock: clock, maxBuckets: maxBuckets,
                                  minWindowLength: Int(minWindow), gracePeriod: Int(grace), resetOnDrift: true)
        }
        insert(x)
        detected = detectChange()
        return detected
    }

    private mutating func insert(_ x: Double) {
        rows[0].append((x, 0))
        width += 1
        var increment = 0.0
        if width > 1 {
            let d = x - total / (width - 1)
            increment = (width - 1) * d * d / width
        }
        variance += increment
        total += x
        var idx = 0
        while rows[idx].count == maxBuckets + 1 {
            let n1 = Double(1 << idx)
            let (t0, v0) = rows[idx][0], (t1, v1) = rows[idx][1]
            let mu1 = t0 / n1, mu2 = t1 / n1
            let v12 = v0 + v1 + n1 * 0.5 * (mu1 - mu2) * (mu1 - mu2)
            if idx + 1 >= rows.count { rows.append([]) }
            rows[idx + 1].append((t0 + t1, v12))
            rows[idx].removeFirst(2)
            if rows[idx + 1].count <= maxBuckets { break }
            idx += 1
        }
    }

    private mutating func detectChange() -> Bool {
        tick += 1
        guard tick % clock == 0 && width > grace else { return false }
        var change = false, reduce = true
        while reduce {
            reduce = false
            var n0 = 0.0, n1 = width, u0 = 0.0, u1 = total
            scan: for idx in stride(from: rows.count - 1, through: 0, by: -1) {
                let size = Double(1 << idx)
                let count = rows[idx].count
                for k in 0..<count {
                    n0 += size
                    n1 -= size
                    u0 += rows[idx][k].total
                    u1 -= rows[idx][k].total
                    if idx == 0 && k == count - 1 { break scan }
                    let deltaMean = (u0 / n0) - (u1 / n1)
                    if n1 >= minWindow && n0 >= minWindow && evaluateCut(n0, n1, deltaMean) {
                        reduce = true
                        change = true
                        if width > 0 {
                            deleteElement()
                            break scan
                        }
                    }
                }
            }
        }
        return change
    }

    private func evaluateCut(_ n0: Double, _ n1: Double, _ deltaMean: Double) -> Bool {
        let deltaPrime = log(2.0 * log(width) / delta)
        let m = 1.0 / (n0 - minWindow + 1.0) + 1.0 / (n1 - minWindow + 1.0)
        let epsilon = (2.0 * m * (variance / width) * deltaPrime).squareRoot() + 2.0 / 3.0 * deltaPrime * m
        return abs(deltaMean) > epsilon
    }

    private mutating func deleteElement() {
        let last = rows.count - 1
        let n = Double(1 << last)
        let (u, v) = rows[last][0]
        let mu = u / n
        width -= n
        total -= u
        let muWindow = total / width
        variance -= v + n * width * (mu - muWindow) * (mu - muWindow) / (n + width)
        rows[last].removeFirst()
        if rows[last].isEmpty { rows.removeLast() }
    }
}
