/// One signal's value for one window, as the drift monitor computed it.
public struct SignalObservation: Sendable, Codable, Hashable {
    /// Signal name, matching `SignalThreshold.signal`.
    public var signal: String
    /// The value (a statistic, a p-value, a rate; detectors report 0 none, 1 warning, 2 drift).
    public var value: Double
    /// Samples behind the value (the current window's size).
    public var samples: Int

    /// An observation.
    public init(signal: String, value: Double, samples: Int) {
        self.signal = signal
        self.value = value
        self.samples = samples
    }
}

/// What the trigger policy asks the daemon to do; the journal, the `triggers` table and hooks consume these.
public enum TriggerAction: Sendable, Codable, Hashable {
    /// A rule reached its warn level.
    case warn(rule: String, signal: String, value: Double, threshold: Double)
    /// A rule reached its alert level.
    case alert(rule: String, signal: String, value: Double, threshold: Double)
    /// An alerting rule asks for a retraining job.
    case retrain(rule: String)
    /// A rule fell back below its warn level and is armed again.
    case rearm(rule: String)

    /// The rule the action belongs to.
    public var rule: String {
        switch self {
        case .warn(let r, _, _, _), .alert(let r, _, _, _), .retrain(let r), .rearm(let r): return r
        }
    }
}
