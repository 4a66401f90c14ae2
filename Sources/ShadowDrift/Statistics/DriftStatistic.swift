/// A numeric drift statistic a rule can watch, with the side of its levels that is bad.
public enum DriftStatistic: Sendable, Codable, Hashable {
    /// PSI in a binning convention (larger is worse).
    case psi(PSIBinning)
    /// Two-sample KS p-value (smaller is worse).
    case ksPValue(KSMethod)
    /// Two-sample KS statistic D (larger is worse).
    case ksStatistic
    /// Jensen–Shannon distance over Sturges bins (larger is worse).
    case jensenShannon(LogBase)
    /// Wasserstein-1 divided by the reference's σ (ddof 0) (larger is worse).
    case wassersteinNormalized
    /// Raw Wasserstein-1 (larger is worse).
    case wasserstein

    /// Which side of a level is bad.
    public var direction: SignalDirection {
        if case .ksPValue = self { return .atMost }
        return .atLeast
    }

    /// The short name used in signal names and the `drift` table (`psi`, `ks_p`, `ks_d`, `js`, `wasserstein_sigma`, `wasserstein`).
    public var name: String {
        switch self {
        case .psi: return "psi"
        case .ksPValue: return "ks_p"
        case .ksStatistic: return "ks_d"
        case .jensenShannon: return "js"
        case .wassersteinNormalized: return "wasserstein_sigma"
        case .wasserstein: return "wasserstein"
        }
    }

    /// The statistic between a reference and a current sample (NaN values must already be removed).
    public func compute(reference: [Double], current: [Double]) -> Double {
        guard !reference.isEmpty, !current.isEmpty else { return .nan }
        switch self {
        case .psi(let binning): return PSI.compute(reference: reference, current: current, binning: binning).value
        case .ksPValue(let method): return KolmogorovSmirnov.test(reference, current, method: method).pValue
        case .ksStatistic: return KolmogorovSmirnov.test(reference, current, method: .asymptotic).statistic
        case .jensenShannon(let base): return JensenShannon.sturges(reference: reference, current: current, base: base)
        case .wassersteinNormalized: return Wasserstein.normalized(reference: reference, current: current)
        case .wasserstein: return Wasserstein.distance(reference, current)
        }
    }
}
