import ShadowCore

/// One signal's value in one evaluated window (a `drift` table row).
public struct DriftValue: Sendable, Equatable {
    /// Signal name, e.g. `psi:x0`, `disagreement:cand`, `error`.
    public var signal: String
    /// Feature (or shadow) the signal is about; nil for error signals.
    public var feature: String?
    /// Statistic name (`psi`, `ks_pvalue`, `rate`, `adwin`, …).
    public var statistic: String
    /// The value (NaN when it could not be computed).
    public var value: Double
    /// The level of the first rule watching this signal, if any.
    public var threshold: Double?
    /// Samples in the current window.
    public var samples: Int
}

/// A rule that fired in a window (a `triggers` table row and the input of journal entries and actions).
public struct TriggerEvent: Sendable, Equatable {
    /// The run.
    public var run: Int64
    /// The rule's name.
    public var rule: String
    /// warn, alert or retrain.
    public var level: DriftSettings.Level
    /// The signal that decided the level.
    public var signal: String
    /// Its value.
    public var value: Double
    /// The level it crossed.
    public var threshold: Double
    /// The window that fired.
    public var window: Int
    /// Record time (epoch ms) of the window's end, when records carry times.
    public var atMs: Double?
    /// The model concerned: the shadow of a disagreement signal, else the champion.
    public var model: String

    /// The signal's statistic part (`psi` of `psi:x0`).
    public var statistic: String { MonitorPlan.split(signal).statistic }
    /// The signal's feature part (`x0` of `psi:x0`), nil for `error`.
    public var feature: String? { MonitorPlan.split(signal).feature }
}

/// Everything one evaluated window produced.
public struct WindowReport: Sendable {
    /// The run.
    public var run: Int64
    /// Evaluation number within the run, from 1.
    public var index: Int
    /// Record time of the window's first and last record (epoch ms).
    public var startMs: Double?
    /// Record time of the window's last record (epoch ms).
    public var endMs: Double?
    /// Signal values.
    public var values: [DriftValue]
    /// Rules that fired.
    public var triggers: [TriggerEvent]
}
