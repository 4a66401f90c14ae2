#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Equal-width bin edges with numpy's semantics: bin i holds edges[i] ≤ x < edges[i+1], the last bin is closed.
public struct BinEdges: Sendable, Hashable, Codable {
    /// The n + 1 edges, ascending.
    public var edges: [Double]

    /// The number of bins.
    public var count: Int { edges.count - 1 }

    /// Wraps edges that are already known (for example read back from a profile).
    public init(edges: [Double]) {
        precondition(edges.count >= 2, "at least one bin")
        self.edges = edges
    }

    /// `np.linspace(first, last, bins + 1)`: first + i·step, the last edge set to `last` exactly.
    public init(first: Double, last: Double, bins: Int) {
        precondition(bins >= 1)
        let step = (last - first) / Double(bins)
        var e = (0...bins).map { Double($0) * step + first }
        if step == 0 { e = (0...bins).map { Double($0) / Double(bins) * (last - first) + first } }
        e[bins] = last
        self.edges = e
    }

    /// `np.histogram_bin_edges(values, 'sturges')`: width = ptp / (log₂ n + 1), bins = ⌈ptp / width⌉.
    public static func sturges(_ values: [Double]) -> BinEdges {
        let (lo, hi) = range(values)
        let ptp = hi - lo
        let width = ptp / (log2(Double(values.count)) + 1)
        return BinEdges(first: lo, last: hi, bins: binCount(ptp: hi - lo, width: width))
    }

    /// `np.histogram_bin_edges(values, 'doane')`: Sturges corrected for skewness (nannyml's reference bins).
    public static func doane(_ values: [Double]) -> BinEdges {
        let (lo, hi) = range(values)
        var width = 0.0
        let n = Double(values.count)
        if values.count > 2 {
            let sg1 = (6 * (n - 2) / ((n + 1) * (n + 3))).squareRoot()
            let mean = Moments.mean(values)
            let sigma = Moments.standardDeviation(values, mean: mean)
            if sigma > 0 {
                var g1 = 0.0
                for x in values {
                    let t = (x - mean) / sigma
                    g1 += t * t * t
                }
                g1 /= n
                width = (values.max()! - values.min()!) / (1 + log2(n) + log2(1 + abs(g1) / sg1))
            }
        }
        return BinEdges(first: lo, last: hi, bins: binCount(ptp: hi - lo, width: width))
    }

    /// The index of the bin holding x, or nil when x lies outside [first, last] or is NaN.
    @inlinable
    public func bin(of x: Double) -> Int? {
        let n = edges.count - 1
        guard let first = edges.first, let last = edges.last, x >= first, x <= last else { return nil }
        var i = Int((x - first) / (last - first) * Double(n))
        if i >= n { i = n - 1 }
        if i < 0 { i = 0 }
        while i > 0 && x < edges[i] { i -= 1 }
        while i < n - 1 && x >= edges[i + 1] { i += 1 }
        return i
    }

    /// Counts per bin (`np.histogram`), ignoring values outside the edges.
    public func counts(_ values: [Double]) -> [Int] {
        var c = [Int](repeating: 0, count: count)
        for x in values { if let i = bin(of: x) { c[i] += 1 } }
        return c
    }

    private static func range(_ values: [Double]) -> (Double, Double) {
        precondition(!values.isEmpty, "bin edges need at least one value")
        var lo = values[0], hi = values[0]
        for x in values {
            if x < lo { lo = x }
            if x > hi { hi = x }
        }
        if lo == hi { return (lo - 0.5, hi + 0.5) }
        return (lo, hi)
    }

    private static func binCount(ptp: Double, width: Double) -> Int {
        guard width > 0, width.isFinite else { return 1 }
        return max(1, Int((ptp / width).rounded(.up)))
    }
}
