/// The trigger state machine: feed it each window's observations with the window's time, get actions back.
///
/// Per rule: a level (warn/alert) fires after `consecutiveWindows` windows in a row at or above it, unless that
/// level fired within `cooldownSeconds` or the rule is latched. Firing latches the rule (hysteresis): it re-arms
/// only once the condition falls back below the warn level. Windows whose signals are missing or rest on fewer
/// than `minSamples` samples leave the streaks as they are. The state is Codable so it survives a restart.
public struct TriggerPolicy: Sendable, Codable, Hashable {
    /// Per-rule memory between windows.
    public struct RuleState: Sendable, Codable, Hashable {
        /// Windows in a row at or above warn.
        public var warnStreak = 0
        /// Windows in a row at alert.
        public var alertStreak = 0
        /// The highest level fired since the rule was last armed (0 none, 1 warn, 2 alert).
        public var latched = 0
        /// When a warning last fired (seconds).
        public var lastWarnAt: Double?
        /// When an alert last fired (seconds).
        public var lastAlertAt: Double?

        /// A fresh, armed state.
        public init() {}
    }

    /// The rules, in the order their actions are reported.
    public let rules: [TriggerRule]
    /// State by rule name.
    public private(set) var states: [String: RuleState]

    /// A policy with fresh states; rule names must be unique.
    public init(rules: [TriggerRule]) {
        precondition(Set(rules.map(\.name)).count == rules.count, "rule names must be unique")
        self.rules = rules
        self.states = Dictionary(uniqueKeysWithValues: rules.map { ($0.name, RuleState()) })
    }

    /// Evaluates one window. `now` is the window's time in seconds (record time in a replay, wall time live).
    public mutating func step(_ observations: [SignalObservation], now: Double) -> [TriggerAction] {
        let byName = Dictionary(observations.map { ($0.signal, $0) }, uniquingKeysWith: { _, last in last })
        var actions: [TriggerAction] = []
        for rule in rules {
            var s = states[rule.name] ?? RuleState()
            let e = Self.evaluate(rule.condition, byName, minSamples: rule.minSamples)
            if e.level == .unknown {
                states[rule.name] = s
                continue
            }
            s.warnStreak = e.level >= .warn ? s.warnStreak + 1 : 0
            s.alertStreak = e.level >= .alert ? s.alertStreak + 1 : 0
            if e.level == .clear && s.latched > 0 {
                s.latched = 0
                actions.append(.rearm(rule: rule.name))
            }
            let alertCooling = s.lastAlertAt.map { now - $0 < rule.cooldownSeconds } ?? false
            let warnCooling = s.lastWarnAt.map { now - $0 < rule.cooldownSeconds } ?? false
            if s.alertStreak >= rule.consecutiveWindows && s.latched < 2 && !alertCooling {
                actions.append(.alert(rule: rule.name, signal: e.signal, value: e.value,
                                      threshold: e.threshold?.alert ?? .nan))
                if rule.retrain { actions.append(.retrain(rule: rule.name)) }
                s.latched = 2
                s.lastAlertAt = now
            } else if s.warnStreak >= rule.consecutiveWindows && s.latched < 1 && !warnCooling {
                let threshold = e.level == .alert ? (e.threshold?.warn ?? e.threshold?.alert) : e.threshold?.warn
                actions.append(.warn(rule: rule.name, signal: e.signal, value: e.value, threshold: threshold ?? .nan))
                s.latched = 1
                s.lastWarnAt = now
            }
            states[rule.name] = s
        }
        return actions
    }
}
