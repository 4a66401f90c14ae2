import ShadowCore

/// `[load]`: the load profile (`profile` picks one; each profile's parameters sit in a sub-table of its name,
/// so several can be written down and one chosen).
extension ConfigLoader {
    /// Keys of each profile's sub-table.
    static let loadProfileKeys: [String: [String]] = [
        "recorded": ["speed", "max_gap"], "constant": ["rate"], "ramp": ["from", "to", "over"],
        "steps": ["rate", "seconds"], "poisson": ["rate", "seed"], "closed": ["concurrency"],
    ]
    static let loadProfileNames = ["none", "recorded", "constant", "ramp", "steps", "poisson", "closed"]

    /// The `[load]` settings of the config file at `path` (defaults when it has no `[load]` table).
    public static func loadSettings(path: String) throws -> LoadSettings {
        let text = try ConfigFile.text(at: path)
        return try parseLoad(text, file: path)
    }

    /// The `[load]` settings of config text; throws the first `ConfigError` of the `[load]` table.
    public static func parseLoad(_ text: String, file: String) throws -> LoadSettings {
        let document: TOMLTable
        do {
            document = try TOMLParser.parse(text)
        } catch {
            throw ConfigError(file: file, line: error.line, column: error.column, keyPath: "", message: error.message)
        }
        let diagnostics = ConfigDiagnostics(file: file)
        let root = ConfigTableReader(table: document, path: "", line: 1, diagnostics: diagnostics)
        let settings = root.table("load").map(readLoad) ?? LoadSettings()
        if let first = diagnostics.sortedErrors.first { throw first }
        return settings
    }

    static func readLoad(_ table: ConfigTableReader) -> LoadSettings {
        table.rejectUnknownKeys(known: ConfigKeys.load)
        var settings = LoadSettings()
        if let cap = table.integer("max_in_flight", in: 1...1_000_000) { settings.maxInFlight = cap }
        if let interval = table.double("interval_s", in: 0.001...3600) { settings.intervalSeconds = interval }
        if let resamples = table.integer("resamples", in: 10...100_000) { settings.resamples = resamples }
        var tables: [String: ConfigTableReader] = [:]
        for name in loadProfileNames.dropFirst() where name != "steps" {
            guard let sub = table.table(name) else { continue }
            sub.rejectUnknownKeys(known: loadProfileKeys[name]!)
            tables[name] = sub
        }
        let stepTables = table.tables("steps") ?? []
        for step in stepTables { step.rejectUnknownKeys(known: loadProfileKeys["steps"]!) }
        guard let name = table.string("profile") else { return settings }
        guard loadProfileNames.contains(name) else {
            table.report("profile", "expected one of \(loadProfileNames.joined(separator: ", ")), found "
                + ConfigTableReader.quote(name))
            return settings
        }
        if name != "none" && name != "steps" && tables[name] == nil {
            table.report("profile", "profile \(ConfigTableReader.quote(name)) needs a [load.\(name)] table")
            return settings
        }
        let rates = 0.001...10_000_000.0
        switch name {
        case "recorded":
            let sub = tables[name]!
            settings.profile = .recorded(speed: sub.double("speed", in: 0.0001...1_000_000) ?? 1,
                                         maxGapSeconds: sub.double("max_gap", in: 0...86_400) ?? 86_400)
        case "constant":
            let sub = tables[name]!
            guard let rate = sub.double("rate", in: rates) else { return required(sub, "rate", settings) }
            settings.profile = .constant(rate: rate)
        case "ramp":
            let sub = tables[name]!
            guard let from = sub.double("from", in: 0...rates.upperBound) else { return required(sub, "from", settings) }
            guard let to = sub.double("to", in: 0...rates.upperBound) else { return required(sub, "to", settings) }
            guard let over = sub.double("over", in: 0.001...86_400) else { return required(sub, "over", settings) }
            if from == 0 && to == 0 { sub.report("to", "a ramp from 0 to 0 sends nothing"); return settings }
            settings.profile = .ramp(from: from, to: to, overSeconds: over)
        case "steps":
            guard !stepTables.isEmpty else {
                table.report("profile", "profile \"steps\" needs at least one [[load.steps]] table")
                return settings
            }
            var steps: [LoadSettings.Step] = []
            for step in stepTables {
                guard let rate = step.double("rate", in: rates) else { return required(step, "rate", settings) }
                guard let seconds = step.double("seconds", in: 0.001...86_400) else {
                    return required(step, "seconds", settings)
                }
                steps.append(.init(rate: rate, seconds: seconds))
            }
            settings.profile = .steps(steps)
        case "poisson":
            let sub = tables[name]!
            guard let rate = sub.double("rate", in: rates) else { return required(sub, "rate", settings) }
            let seed = sub.integer("seed", in: 0...Int.max) ?? 1
            settings.profile = .poisson(rate: rate, seed: UInt64(seed))
        case "closed":
            let sub = tables[name]!
            guard let concurrency = sub.integer("concurrency", in: 1...100_000) else {
                return required(sub, "concurrency", settings)
            }
            settings.profile = .closed(concurrency: concurrency)
        default:
            break
        }
        return settings
    }

    /// Reports a missing key (unless its value was already reported as wrong) and returns `settings` unchanged.
    private static func required(_ table: ConfigTableReader, _ key: String, _ settings: LoadSettings) -> LoadSettings {
        if table.table[key] == nil { table.reportMissing(key) }
        return settings
    }
}
