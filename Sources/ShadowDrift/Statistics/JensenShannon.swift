#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The logarithm base of a Jensen–Shannon distance.
public enum LogBase: String, Sendable, Codable, CaseIterable {
    /// Natural log: the distance lies in [0, √ln 2].
    case e
    /// Base 2: the distance lies in [0, 1].
    case two
}

/// Jensen–Shannon distance (scipy's `jensenshannon`: the square root of the divergence).
public enum JensenShannon {
    /// The distance between two non-negative weight vectors, each normalised to sum 1; 0·log 0 counts as 0.
    public static func distance(_ p: [Double], _ q: [Double], base: LogBase = .e) -> Double {
        precondition(p.count == q.count)
        let sp = p.reduce(0, +), sq = q.reduce(0, +)
        var left = 0.0, right = 0.0
        for i in p.indices {
            let a = p[i] / sp, b = q[i] / sq
            let m = (a + b) / 2
            if a > 0 { left += a * log(a / m) }
            if b > 0 { right += b * log(b / m) }
        }
        var js = left + right
        if base == .two { js /= log(2.0) }
        return max(0, js / 2).squareRoot()
    }

    /// Evidently's numeric JS: Sturges bins over reference + current, shares without any empty-bin fill.
    public static func sturges(reference: [Double], current: [Double], base: LogBase = .e) -> Double {
        let bins = HistogramBins.uniform(BinEdges.sturges(reference + current))
        return distance(shares(bins, reference), shares(bins, current), base: base)
    }

    /// JS over the reference's k quantile bins (raw shares).
    public static func referenceQuantiles(reference: [Double], current: [Double], bins k: Int = 10,
                                          base: LogBase = .two) -> Double {
        let bins = HistogramBins.inner(Quantiles.innerEdges(sorted: reference.sorted(), bins: k))
        return distance(shares(bins, reference), shares(bins, current), base: base)
    }

    /// nannyml's JS: Doane bins of the reference alone; current values outside them form one extra bin.
    public static func doane(reference: [Double], current: [Double], base: LogBase = .two) -> (distance: Double, bins: Int) {
        let edges = BinEdges.doane(reference)
        var r = edges.counts(reference).map { Double($0) / Double(reference.count) }
        let cc = edges.counts(current)
        var c = cc.map { Double($0) / Double(current.count) }
        let outside = current.count - cc.reduce(0, +)
        if outside > 0 {
            r.append(0)
            c.append(Double(outside) / Double(current.count))
        }
        return (distance(r, c, base: base), edges.count)
    }

    static func shares(_ bins: HistogramBins, _ values: [Double]) -> [Double] {
        bins.counts(values).map { Double($0) / Double(values.count) }
    }
}
