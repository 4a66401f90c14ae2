extension TriggerPolicy {
    /// How far a condition is crossed in one window.
    enum Level: Int, Comparable {
        case unknown = -1, clear = 0, warn = 1, alert = 2

        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    /// A condition's level with the leaf that decided it (reported in the action).
    struct Evaluation {
        var level: Level
        var signal: String
        var value: Double
        var threshold: SignalThreshold?
    }

    static func evaluate(_ condition: TriggerCondition, _ observations: [String: SignalObservation],
                         minSamples: Int) -> Evaluation {
        switch condition {
        case .signal(let t):
            guard let o = observations[t.signal], o.samples >= minSamples, !o.value.isNaN else {
                return Evaluation(level: .unknown, signal: t.signal, value: .nan, threshold: t)
            }
            let level: Level = t.crosses(o.value, t.alert) ? .alert : t.crosses(o.value, t.warn) ? .warn : .clear
            return Evaluation(level: level, signal: t.signal, value: o.value, threshold: t)
        case .any(let members):
            let known = members.map { evaluate($0, observations, minSamples: minSamples) }.filter { $0.level != .unknown }
            return known.max { $0.level < $1.level } ?? Evaluation(level: .unknown, signal: "", value: .nan, threshold: nil)
        case .all(let members):
            let all = members.map { evaluate($0, observations, minSamples: minSamples) }
            if let missing = all.first(where: { $0.level == .unknown }) { return missing }
            return all.min { $0.level < $1.level } ?? Evaluation(level: .unknown, signal: "", value: .nan, threshold: nil)
        }
    }
}
