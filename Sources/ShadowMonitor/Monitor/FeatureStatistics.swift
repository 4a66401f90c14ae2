import ShadowCore
import ShadowDrift

/// The configured statistics between a reference and a current window, as (statistic name, value) pairs;
/// the signal name is `name:feature`.
enum FeatureStatistics {
    /// Numeric statistics (`psi`, `ks_pvalue`, `wasserstein_norm`, `js`); NaN values must be removed.
    static func numeric(reference: [Double], current: [Double], statistics: [DriftSettings.Statistic],
                        binning: PSIBinning) -> [(String, Double)] {
        numeric(reference: PreparedReference(reference, binning: binning), current: current, statistics: statistics,
                binning: binning)
    }

    /// The same against a prepared reference (sorted once for many windows).
    static func numeric(reference: PreparedReference, current: [Double], statistics: [DriftSettings.Statistic],
                        binning: PSIBinning) -> [(String, Double)] {
        guard reference.sorted.count >= 2, !current.isEmpty else { return [] }
        let sorted = current.sorted()
        var out: [(String, Double)] = []
        for statistic in statistics {
            switch statistic {
            case .psi:
                if let q = reference.quantile {
                    out.append(("psi", PSI.value(referenceShares: q.shares,
                                                 currentShares: PreparedReference.shares(q.bins, sorted), binning: binning)))
                } else {
                    out.append(("psi", DriftStatistic.psi(binning).compute(reference: reference.sorted, current: sorted)))
                }
            case .ks:
                // Asymptotic p-value: the exact lattice count costs O(n·m) per window.
                out.append(("ks_pvalue", KolmogorovSmirnov.testSorted(reference.sorted, sorted, method: .asymptotic).pValue))
            case .wassersteinNorm:
                out.append(("wasserstein_norm", Wasserstein.distanceSorted(reference.sorted, sorted) / reference.sigma))
            case .js:
                out.append(("js", JensenShannon.sturges(reference: reference.sorted, current: sorted, base: .e)))
            case .chi2, .linf:
                continue
            }
        }
        return out
    }

    /// Categorical statistics (`psi`, `js`, `chi2_pvalue`, `linf`) over the union of categories.
    static func categorical(reference: CategorySummary, current: CategorySummary,
                            statistics: [DriftSettings.Statistic]) -> [(String, Double)] {
        guard reference.total > 0, current.total > 0 else { return [] }
        let a = CategorySummary.aligned(reference: reference, current: current)
        var out: [(String, Double)] = []
        for statistic in statistics {
            switch statistic {
            case .psi: out.append(("psi", PSI.categorical(referenceCounts: a.reference, currentCounts: a.current)))
            case .js:
                out.append(("js", CategoryDistance.jensenShannon(referenceCounts: a.reference, currentCounts: a.current)))
            case .chi2:
                out.append(("chi2_pvalue", ChiSquare.contingency(referenceCounts: a.reference,
                                                                 currentCounts: a.current).pValue))
            case .linf:
                out.append(("linf", CategoryDistance.lInfinity(referenceCounts: a.reference, currentCounts: a.current)))
            case .ks, .wassersteinNorm:
                continue
            }
        }
        return out
    }
}
