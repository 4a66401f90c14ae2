import ShadowConfig
import ShadowDrift

/// Reads a strategies file (TOML): top-level `label_delay_s`, `label_delay_records`, `points`, `stale_margin`,
/// and `[[strategy]]` tables. Unknown keys, wrong types and incomplete strategies are errors naming the line.
public enum StrategyFile {
    static let rootKeys = ["label_delay_s", "label_delay_records", "points", "stale_margin", "strategy"]
    static let strategyKeys = ["name", "retrain", "every_records", "every_s", "signal", "any", "all", "warn", "alert",
                               "direction", "window", "consecutive", "cooldown_s", "min_samples", "detector", "data",
                               "window_records", "min_records", "trainer", "l2", "argv", "model_kind", "timeout_s",
                               "shadow_records", "gate"]

    /// Parses the file at `path`.
    public static func load(path: String) throws -> BacktestSettings {
        let bytes: [UInt8]
        do { bytes = try FileLoading.read(path) } catch {
            throw BacktestFileError(file: path, line: 0, keyPath: "", message: "cannot read the file (\(error))")
        }
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Parses strategies-file text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(BacktestFileError) -> BacktestSettings {
        let document: TOMLTable
        do { document = try TOMLParser.parse(text) } catch {
            throw BacktestFileError(file: file, line: error.line, keyPath: "", message: error.message)
        }
        let root = TableReader(table: document, path: "", line: 1, file: file)
        try root.rejectUnknown(rootKeys)
        var settings = BacktestSettings()
        if let d = try root.number("label_delay_s", min: 0) { settings.labelDelaySeconds = d }
        if let d = try root.integer("label_delay_records", min: 0) { settings.labelDelayRecords = d }
        if let p = try root.integer("points", min: 1) { settings.points = p }
        if let m = try root.number("stale_margin", min: 0) { settings.staleMargin = m }
        guard let entries = document["strategy"]?.array, !entries.isEmpty else {
            throw BacktestFileError(file: file, line: 1, keyPath: "strategy", message: "no [[strategy]] table in the file")
        }
        var names: Set<String> = []
        for (i, entry) in entries.enumerated() {
            guard let table = entry.table else {
                throw BacktestFileError(file: file, line: entry.line, keyPath: "strategy[\(i)]", message: "expected a table")
            }
            let reader = TableReader(table: table, path: "strategy[\(i)]", line: entry.line, file: file)
            let strategy = try readStrategy(reader)
            guard names.insert(strategy.name).inserted else {
                throw reader.error("name", "strategy \"\(strategy.name)\" is declared twice")
            }
            settings.strategies.append(strategy)
        }
        return settings
    }

    static func readStrategy(_ t: TableReader) throws(BacktestFileError) -> StrategySettings {
        try t.rejectUnknown(strategyKeys)
        guard let name = try t.string("name"), !name.isEmpty else { throw t.error("name", "required key is missing") }
        let kind = try t.string("retrain") ?? "never"
        let when: StrategySettings.When
        switch kind {
        case "never": when = .never
        case "periodic":
            let records = try t.integer("every_records", min: 1)
            let seconds = try t.number("every_s", min: 1e-9)
            guard (records == nil) != (seconds == nil) else {
                throw t.error("every_records", "a periodic strategy sets exactly one of every_records and every_s")
            }
            when = .periodic(records: records, seconds: seconds)
        case "trigger": when = .trigger(rule: try readRule(t, name: name), window: try t.integer("window", min: 10) ?? 500)
        case "detector":
            let text = try t.string("detector") ?? "ddm"
            guard let detector = DetectorKind(rawValue: text) else {
                throw t.error("detector", "unknown detector \"\(text)\" (expected adwin, ddm or page_hinkley)")
            }
            when = .detector(detector)
        default:
            throw t.error("retrain", "unknown value \"\(kind)\" (expected never, periodic, trigger or detector)")
        }
        var s = StrategySettings(name: name, when: when)
        if let data = try t.string("data") {
            guard let d = StrategySettings.Data(rawValue: data) else {
                throw t.error("data", "unknown value \"\(data)\" (expected sliding or expanding)")
            }
            s.data = d
            if d == .expanding { s.windowRecords = nil }
        }
        if let w = try t.integer("window_records", min: 10) { s.windowRecords = w }
        if let m = try t.integer("min_records", min: 2) { s.minRecords = m }
        switch try t.string("trainer") ?? "builtin" {
        case "builtin": s.trainer = .builtin(LinearTrainer.Options(l2: try t.number("l2", min: 0) ?? 1e-4))
        case "hook":
            guard let argv = try t.strings("argv"), !argv.isEmpty else {
                throw t.error("argv", "a hook trainer needs argv = [\"program\", …] (run without a shell)")
            }
            let kind = try t.string("model_kind") ?? "xgboost"
            guard ["xgboost", "lightgbm", "linear"].contains(kind) else {
                throw t.error("model_kind", "unknown value \"\(kind)\" (expected xgboost, lightgbm or linear)")
            }
            s.trainer = .hook(argv: argv, kind: kind, timeoutSeconds: try t.number("timeout_s", min: 0.001) ?? 600)
        case let other:
            throw t.error("trainer", "unknown value \"\(other)\" (expected builtin or hook)")
        }
        if let n = try t.integer("shadow_records", min: 0) { s.shadowRecords = n }
        for (k, text) in (try t.strings("gate") ?? []).enumerated() {
            switch BacktestGateClause.parse(text) {
            case .success(let clause): s.gate.append(clause)
            case .failure(let reason): throw t.error("gate", "[\(k)] \(reason.message)")
            }
        }
        if !s.gate.isEmpty && s.shadowRecords == 0 {
            throw t.error("gate", "a gate needs shadow_records > 0 (the records the new model shadows the champion for)")
        }
        return s
    }

    /// A trigger rule from `signal`/`any`/`all` with `warn`/`alert`, `direction`, `consecutive`, `cooldown_s`.
    static func readRule(_ t: TableReader, name: String) throws(BacktestFileError) -> TriggerRule {
        let warn = try t.number("warn", min: -.infinity)
        let alert = try t.number("alert", min: -.infinity)
        guard alert != nil else { throw t.error("alert", "a trigger strategy needs an alert level") }
        let directionText = try t.string("direction")
        func threshold(_ signal: String) -> SignalThreshold {
            let below = directionText.map { $0 == "below" } ?? signal.hasSuffix("pvalue")
            return SignalThreshold(signal: signal, warn: warn, alert: alert, direction: below ? .atMost : .atLeast)
        }
        if let d = directionText, d != "above" && d != "below" {
            throw t.error("direction", "unknown value \"\(d)\" (expected above or below)")
        }
        let condition: TriggerCondition
        if let signal = try t.string("signal") {
            condition = .signal(threshold(signal))
        } else if let any = try t.strings("any"), !any.isEmpty {
            condition = .any(any.map { .signal(threshold($0)) })
        } else if let all = try t.strings("all"), !all.isEmpty {
            condition = .all(all.map { .signal(threshold($0)) })
        } else {
            throw t.error("signal", "a trigger strategy names signal = \"…\" or any/all = [\"…\"] (error, error_increase, psi:FEATURE)")
        }
        return TriggerRule(name: name, condition: condition, minSamples: try t.integer("min_samples", min: 0) ?? 0,
                           consecutiveWindows: try t.integer("consecutive", min: 1) ?? 1,
                           cooldownSeconds: try t.number("cooldown_s", min: 0) ?? 0, retrain: true)
    }
}
