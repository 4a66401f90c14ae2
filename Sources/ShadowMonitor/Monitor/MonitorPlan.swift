import ShadowCore
import ShadowDrift

/// `[drift]` settings turned into what the monitor runs: the feature list, the PSI binning, the trigger policy's
/// rules and the level each signal is compared with.
public struct MonitorPlan: Sendable {
    /// The settings the plan came from.
    public let settings: DriftSettings
    /// The PSI binning convention.
    public let binning: PSIBinning
    /// The trigger rules, in config order.
    public let rules: [TriggerRule]
    /// The lowest level (warn, else alert) of the first rule watching each signal, for the `drift` table.
    public let thresholds: [String: Double]

    /// A plan for `settings`.
    public init(_ settings: DriftSettings) {
        self.settings = settings
        switch settings.psiBinning {
        case .sturges: binning = .sturges
        case .quantile: binning = .referenceQuantiles(bins: settings.psiBins, floor: 1e-4)
        case .equalWidth: binning = .equalWidth(bins: settings.psiBins)
        }
        var thresholds: [String: Double] = [:]
        rules = settings.rules.map { rule in
            let leaves = rule.signals.map { signal -> TriggerCondition in
                let direction: SignalDirection
                switch rule.direction {
                case .above?: direction = .atLeast
                case .below?: direction = .atMost
                case nil: direction = Self.inferredDirection(signal)
                }
                if thresholds[signal] == nil, let level = rule.warn ?? rule.alert { thresholds[signal] = level }
                return .signal(SignalThreshold(signal: signal, warn: rule.warn, alert: rule.alert, direction: direction))
            }
            let condition: TriggerCondition
            switch rule.combine {
            case .single: condition = leaves[0]
            case .any: condition = .any(leaves)
            case .all: condition = .all(leaves)
            }
            return TriggerRule(name: rule.name, condition: condition, minSamples: rule.minSamples,
                               consecutiveWindows: rule.consecutive, cooldownSeconds: rule.cooldownSeconds,
                               retrain: rule.retrain)
        }
        self.thresholds = thresholds
    }

    /// P-values (`ks_pvalue:`, `chi2_pvalue:`) are bad when small; every other signal when large.
    public static func inferredDirection(_ signal: String) -> SignalDirection {
        signal.hasPrefix("ks_pvalue:") || signal.hasPrefix("chi2_pvalue:") ? .atMost : .atLeast
    }

    /// The features watched for a schema: the configured list, or every schema feature plus `prediction`.
    public func features(for schema: FeatureSchema) -> [String] {
        settings.features ?? (schema.names + [MonitorPlan.prediction])
    }

    /// The pseudo-feature holding the champion's score.
    public static let prediction = "prediction"

    /// A fresh detector of the configured kind, nil for `none`.
    static func detector(_ kind: DriftSettings.Detector) -> AnyDetector? {
        switch kind {
        case .adwin: return AnyDetector(.adwin)
        case .ddm: return AnyDetector(.ddm)
        case .pageHinkley: return AnyDetector(.pageHinkley)
        case .none: return nil
        }
    }

    /// Splits a signal name into statistic and feature: `psi:x0` → (`psi`, `x0`), `error` → (`error`, nil).
    public static func split(_ signal: String) -> (statistic: String, feature: String?) {
        guard let colon = signal.firstIndex(of: ":") else { return (signal, nil) }
        return (String(signal[..<colon]), String(signal[signal.index(after: colon)...]))
    }
}
