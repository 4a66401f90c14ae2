/// Which side of a level is bad for a signal.
public enum SignalDirection: String, Sendable, Codable, Hashable {
    /// Larger is worse: the level is crossed when value ≥ level (PSI, JS, Wasserstein/σ, error rate).
    case atLeast = "at_least"
    /// Smaller is worse: the level is crossed when value ≤ level (p-values of KS and χ²).
    case atMost = "at_most"
}

/// Warn and alert levels of one named signal.
public struct SignalThreshold: Sendable, Codable, Hashable {
    /// Signal name as observations carry it, e.g. `feature.x0.psi` or `error.adwin`.
    public var signal: String
    /// Level for a warning (nil: this signal never warns on its own).
    public var warn: Double?
    /// Level for an alert.
    public var alert: Double?
    /// Which side of the levels is bad.
    public var direction: SignalDirection

    /// A threshold; p-value signals use `.atMost`.
    public init(signal: String, warn: Double?, alert: Double?, direction: SignalDirection = .atLeast) {
        self.signal = signal
        self.warn = warn
        self.alert = alert
        self.direction = direction
    }

    /// True when `value` is on the bad side of `level`.
    public func crosses(_ value: Double, _ level: Double?) -> Bool {
        guard let level, !value.isNaN else { return false }
        return direction == .atLeast ? value >= level : value <= level
    }
}

/// A condition over signals: one threshold, or `any`/`all` of sub-conditions ("feature drift AND error rising").
public indirect enum TriggerCondition: Sendable, Codable, Hashable {
    /// One signal against its levels.
    case signal(SignalThreshold)
    /// At the highest level any known member reaches.
    case any([TriggerCondition])
    /// At the lowest level of its members; unknown while any member is unknown.
    case all([TriggerCondition])
}

/// One trigger rule: a condition with the guards that keep it from flapping.
public struct TriggerRule: Sendable, Codable, Hashable {
    /// Rule name, unique in a policy (journal field and `triggers` row).
    public var name: String
    /// What to watch.
    public var condition: TriggerCondition
    /// Observations from fewer samples count as unknown.
    public var minSamples: Int
    /// Windows in a row at (or above) a level before it fires.
    public var consecutiveWindows: Int
    /// Seconds after an action of a level before that level may fire again.
    public var cooldownSeconds: Double
    /// Whether an alert also asks for retraining.
    public var retrain: Bool

    /// A rule; by default it fires on the first window, has no cooldown and does not retrain.
    public init(name: String, condition: TriggerCondition, minSamples: Int = 0, consecutiveWindows: Int = 1,
                cooldownSeconds: Double = 0, retrain: Bool = false) {
        precondition(consecutiveWindows >= 1, "consecutive windows start at 1")
        self.name = name
        self.condition = condition
        self.minSamples = minSamples
        self.consecutiveWindows = consecutiveWindows
        self.cooldownSeconds = cooldownSeconds
        self.retrain = retrain
    }
}
