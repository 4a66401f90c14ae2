import ShadowDrift

/// One `[[strategy]]`: when to retrain, on which data, with which trainer, and how a new model takes over.
public struct StrategySettings: Sendable, Equatable {
    /// When a retrain happens.
    public enum When: Sendable, Equatable {
        /// Never: the initial champion serves the whole timeline.
        case never
        /// Every `records` records or `seconds` of record time (whichever is set).
        case periodic(records: Int?, seconds: Double?)
        /// When a trigger rule (drift issue) alerts, evaluated on windows of `window` newly labelled records.
        case trigger(rule: TriggerRule, window: Int)
        /// When a streaming detector on the labelled error stream reports drift.
        case detector(DetectorKind)
    }

    /// Which labelled rows a retrain sees.
    public enum Data: String, Sendable, Equatable, CaseIterable {
        /// The last `windowRecords` rows whose labels are known.
        case sliding
        /// Every row whose label is known (the most recent `windowRecords` at most, when set).
        case expanding
    }

    /// Who trains.
    public enum Trainer: Sendable, Equatable {
        /// The built-in linear trainer.
        case builtin(LinearTrainer.Options)
        /// An external program (argv, never a shell) writing a model of `kind` (xgboost, lightgbm, linear).
        case hook(argv: [String], kind: String, timeoutSeconds: Double)
    }

    /// Unique strategy name (report and DB rows).
    public var name: String
    public var when: When
    public var data: Data
    /// Sliding window size; expanding cap (nil: no cap).
    public var windowRecords: Int?
    /// Fewest labelled rows a retrain needs; below that it waits.
    public var minRecords: Int
    public var trainer: Trainer
    /// Records the new model shadows the champion before the gate decides (0: it replaces it at once).
    public var shadowRecords: Int
    /// Gate clauses the shadowed model must pass (all of them) to replace the champion.
    public var gate: [BacktestGateClause]

    /// A strategy; by default a sliding window of 5 000 rows, the built-in trainer and immediate replacement.
    public init(name: String, when: When, data: Data = .sliding, windowRecords: Int? = 5000, minRecords: Int = 200,
                trainer: Trainer = .builtin(LinearTrainer.Options()), shadowRecords: Int = 0,
                gate: [BacktestGateClause] = []) {
        self.name = name
        self.when = when
        self.data = data
        self.windowRecords = windowRecords
        self.minRecords = minRecords
        self.trainer = trainer
        self.shadowRecords = shadowRecords
        self.gate = gate
    }

    /// A short human description, e.g. `trigger error_increase ≥ 0.05 · sliding 5000 · builtin · immediate`.
    public var summary: String {
        var parts: [String] = []
        switch when {
        case .never: parts.append("never")
        case .periodic(let records, let seconds):
            parts.append(records.map { "every \($0) records" } ?? seconds.map { "every \(Self.duration($0))" } ?? "periodic")
        case .trigger(let rule, let window): parts.append("trigger \(rule.name) (window \(window))")
        case .detector(let kind): parts.append("detector \(kind.rawValue)")
        }
        if case .never = when { return parts[0] }
        parts.append(data == .sliding ? "sliding \(windowRecords ?? 0)" : "expanding" + (windowRecords.map { " ≤\($0)" } ?? ""))
        switch trainer {
        case .builtin: parts.append("builtin")
        case .hook(_, let kind, _): parts.append("hook (\(kind))")
        }
        parts.append(shadowRecords == 0 ? "immediate"
                     : "shadow \(shadowRecords)" + (gate.isEmpty ? "" : " gate " + gate.map(\.description).joined(separator: ", ")))
        return parts.joined(separator: " · ")
    }

    static func duration(_ seconds: Double) -> String {
        if seconds >= 86_400, seconds.truncatingRemainder(dividingBy: 86_400) == 0 { return "\(Int(seconds / 86_400))d" }
        if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600))h" }
        return "\(seconds)s"
    }
}
