/// Which binning convention a PSI (or binned Jensen–Shannon) value uses; the config names one of these.
public enum PSIBinning: Sendable, Hashable, Codable {
    /// Evidently: `np.histogram_bin_edges(reference + current, 'sturges')`; an empty bin's share becomes
    /// min(non-zero shares)/10⁶ when that minimum is ≤ 10⁻⁴, else 10⁻⁴ (each side on its own).
    case sturges
    /// Bins of equal reference probability: inner edges at the reference's linear quantiles
    /// 1/k … (k−1)/k, outer bins open-ended; every share is raised to at least `floor` before PSI.
    case referenceQuantiles(bins: Int, floor: Double)
    /// frouros: `bins` equal-width bins on [min, max] of reference + current; empty shares become DBL_MIN.
    case equalWidth(bins: Int)

    /// Ten reference-quantile bins with a 10⁻⁴ floor, the common choice.
    public static let deciles = PSIBinning.referenceQuantiles(bins: 10, floor: 1e-4)

    /// The short name the config uses: `sturges`, `quantile`, `equal_width`.
    public var configName: String {
        switch self {
        case .sturges: return "sturges"
        case .referenceQuantiles: return "quantile"
        case .equalWidth: return "equal_width"
        }
    }

    /// Parses a config name with an optional bin count (default 10); nil for an unknown name.
    public init?(configName: String, bins: Int = 10) {
        switch configName {
        case "sturges": self = .sturges
        case "quantile": self = .referenceQuantiles(bins: bins, floor: 1e-4)
        case "equal_width": self = .equalWidth(bins: bins)
        default: return nil
        }
    }
}

/// Bins fixed for a comparison: equal-width edges (numpy semantics) or reference-quantile inner edges.
public enum HistogramBins: Sendable, Hashable, Codable {
    /// Equal-width bins; values outside the outer edges fall in no bin.
    case uniform(BinEdges)
    /// Inner edges e₀ < … < e_{k−2}; k bins with open outer ends.
    case inner([Double])

    /// The number of bins.
    public var count: Int {
        switch self {
        case .uniform(let e): return e.count
        case .inner(let e): return e.count + 1
        }
    }

    /// The bin of x, nil when x falls outside equal-width edges or is NaN.
    @inlinable
    public func bin(of x: Double) -> Int? {
        if x.isNaN { return nil }
        switch self {
        case .uniform(let e): return e.bin(of: x)
        case .inner(let e): return Quantiles.bin(of: x, innerEdges: e)
        }
    }

    /// Counts per bin.
    public func counts(_ values: [Double]) -> [Int] {
        var c = [Int](repeating: 0, count: count)
        for x in values { if let i = bin(of: x) { c[i] += 1 } }
        return c
    }
}
