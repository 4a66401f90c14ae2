import ShadowDrift

/// A numeric reference made ready once for many windows: sorted values, its σ, and its reference-quantile bins
/// with their shares, so a window costs a sort of the current values only.
struct PreparedReference: Sendable {
    /// The reference values, ascending.
    let sorted: [Double]
    /// Population standard deviation (ddof 0).
    let sigma: Double
    /// Quantile bins and the reference's shares in them (for `quantile` PSI).
    let quantile: (bins: HistogramBins, shares: [Double])?

    init(_ values: [Double], binning: PSIBinning) {
        sorted = values.filter { !$0.isNaN }.sorted()
        sigma = Moments.standardDeviation(sorted)
        if case .referenceQuantiles(let k, _) = binning, !sorted.isEmpty {
            let bins = HistogramBins.inner(Quantiles.innerEdges(sorted: sorted, bins: k))
            quantile = (bins, Self.shares(bins, sorted))
        } else {
            quantile = nil
        }
    }

    /// Shares of `values` in `bins` (count / values).
    static func shares(_ bins: HistogramBins, _ values: [Double]) -> [Double] {
        let n = Double(values.count)
        return bins.counts(values).map { Double($0) / n }
    }
}
