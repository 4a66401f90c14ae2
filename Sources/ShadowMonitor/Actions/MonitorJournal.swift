import Logging

/// Journal entries of the drift monitor: a fixed `MESSAGE_ID` per event type (see `systemd/shadowd.catalog`)
/// and `SHADOWD_*` fields through the journal handler's metadata mapping.
public enum MonitorJournal {
    /// A rule reached its warn level (PRIORITY 4, warning).
    public static let driftWarning = "16f6875ffe6c44d8bbd41a319d9bc4b9"
    /// A rule reached its alert level (PRIORITY 1, alert: set through the handler's `priority` metadata, since
    /// swift-log's most severe level, `.critical`, is syslog's 2).
    public static let driftAlert = "1398ecca21dd4efcb2190439d4d38fbb"
    /// An alerting rule asked for retraining (PRIORITY 1, alert).
    public static let retrainTriggered = "4dc833a493ca42a8b482fdb10d2cec85"
    /// An exec hook or webhook failed (PRIORITY 3, err).
    public static let hookFailed = "b5b7f3cf131642a583756efdbfc5d0dc"

    /// The `SHADOWD_*` fields of a trigger (also the environment of exec hooks, upper-cased).
    public static func fields(_ e: TriggerEvent) -> [(String, String)] {
        [("run", String(e.run)), ("rule", e.rule), ("level", e.level.rawValue), ("signal", e.signal),
         ("feature", e.feature ?? ""), ("statistic", e.statistic), ("value", number(e.value)),
         ("threshold", number(e.threshold)), ("window", String(e.window)), ("model", e.model)]
    }

    /// Logs a fired trigger.
    static func log(_ e: TriggerEvent, to logger: Logger) {
        var metadata: Logger.Metadata = [:]
        for (k, v) in fields(e) { metadata[k] = .string(v) }
        let what = "rule \(e.rule): \(e.signal) = \(number(e.value)) crossed \(number(e.threshold)) in window \(e.window) of run \(e.run)"
        switch e.level {
        case .warn:
            metadata["message_id"] = .string(driftWarning)
            logger.warning("drift warning: \(what)", metadata: metadata)
        case .alert:
            metadata["message_id"] = .string(driftAlert)
            metadata["priority"] = "1"
            logger.critical("drift alert: \(what)", metadata: metadata)
        case .retrain:
            metadata["message_id"] = .string(retrainTriggered)
            metadata["priority"] = "1"
            logger.critical("retraining triggered: \(what)", metadata: metadata)
        }
    }

    /// Logs a failed action.
    static func logFailure(_ result: ActionResult, of e: TriggerEvent, to logger: Logger) {
        var metadata: Logger.Metadata = ["message_id": .string(hookFailed), "hook": .string(result.kind),
                                         "target": .string(result.target)]
        for (k, v) in fields(e) { metadata[k] = .string(v) }
        if let exit = result.exit { metadata["exit"] = .string(String(exit)) }
        logger.error("\(result.kind) action for rule \(e.rule) failed: \(result.error ?? "unknown error")",
                     metadata: metadata)
    }

    static func number(_ x: Double) -> String {
        x.isNaN ? "nan" : "\(x)"
    }
}
