#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A PSI value with the shares it was computed from (before any empty-bin fill).
public struct PSIResult: Sendable, Hashable, Codable {
    /// Σ (r − c) · ln(r / c) over the filled shares.
    public var value: Double
    /// The bins used.
    public var bins: HistogramBins
    /// Reference share per bin (count / reference size).
    public var referenceShares: [Double]
    /// Current share per bin (count / current size).
    public var currentShares: [Double]
}

/// Population Stability Index in the conventions of `PSIBinning`.
public enum PSI {
    /// PSI of a numeric feature between a reference and a current sample.
    public static func compute(reference: [Double], current: [Double], binning: PSIBinning) -> PSIResult {
        let bins = self.bins(reference: reference, current: current, binning: binning)
        let r = shares(bins.counts(reference), total: reference.count)
        let c = shares(bins.counts(current), total: current.count)
        return PSIResult(value: value(referenceShares: r, currentShares: c, binning: binning),
                         bins: bins, referenceShares: r, currentShares: c)
    }

    /// The bins a binning convention chooses for these samples.
    public static func bins(reference: [Double], current: [Double], binning: PSIBinning) -> HistogramBins {
        switch binning {
        case .sturges:
            return .uniform(BinEdges.sturges(reference + current))
        case .referenceQuantiles(let k, _):
            return .inner(Quantiles.innerEdges(sorted: reference.sorted(), bins: k))
        case .equalWidth(let k):
            let all = reference + current
            return .uniform(BinEdges(first: all.min()!, last: all.max()!, bins: k))
        }
    }

    /// PSI from raw shares, applying the convention's rule for empty (or small) shares.
    public static func value(referenceShares r: [Double], currentShares c: [Double], binning: PSIBinning) -> Double {
        let (rf, cf): ([Double], [Double])
        switch binning {
        case .sturges:
            rf = evidentlyFilled(r)
            cf = evidentlyFilled(c)
        case .referenceQuantiles(_, let floor):
            rf = r.map { max($0, floor) }
            cf = c.map { max($0, floor) }
        case .equalWidth:
            rf = r.map { $0 == 0 ? Double.leastNormalMagnitude : $0 }
            cf = c.map { $0 == 0 ? Double.leastNormalMagnitude : $0 }
        }
        var sum = 0.0
        for i in rf.indices { sum += (rf[i] - cf[i]) * log(rf[i] / cf[i]) }
        return sum
    }

    /// Evidently's PSI for a categorical feature from counts per category (same order on both sides).
    public static func categorical(referenceCounts: [Int], currentCounts: [Int]) -> Double {
        let r = shares(referenceCounts, total: referenceCounts.reduce(0, +))
        let c = shares(currentCounts, total: currentCounts.reduce(0, +))
        return value(referenceShares: r, currentShares: c, binning: .sturges)
    }

    /// Evidently's fill: an empty share becomes min(non-zero)/10⁶ when that minimum is ≤ 10⁻⁴, else 10⁻⁴.
    public static func evidentlyFillValue(_ shares: [Double]) -> Double {
        let smallest = shares.filter { $0 != 0 }.min() ?? 1
        return smallest <= 1e-4 ? smallest / 1e6 : 1e-4
    }

    static func evidentlyFilled(_ shares: [Double]) -> [Double] {
        let fill = evidentlyFillValue(shares)
        return shares.map { $0 == 0 ? fill : $0 }
    }

    static func shares(_ counts: [Int], total: Int) -> [Double] {
        counts.map { Double($0) / Double(total) }
    }
}
