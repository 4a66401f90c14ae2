import ShadowCore

/// `[[scenario]]`: drift injected on the fly, from the config or a scenario file (`replay --scenario FILE`).
extension ConfigLoader {
    /// The keys a `[[scenario]]` table accepts.
    static let scenarioKeys = ["kind", "features", "feature", "at_record", "at_time", "width", "seed", "amount", "factor",
                               "sd", "rate", "map", "value", "from", "to", "rule", "offset_s"]

    /// Reads a scenario file: only `[[scenario]]` tables; throws the first `ConfigError` (by line).
    public static func loadScenarios(path: String) throws -> ScenarioSettings {
        let text = try ConfigFile.text(at: path)
        return try parseScenarios(text, file: path)
    }

    /// Validates scenario-file text; `file` names it in errors.
    public static func parseScenarios(_ text: String, file: String) throws -> ScenarioSettings {
        let document: TOMLTable
        do {
            document = try TOMLParser.parse(text)
        } catch {
            throw ConfigError(file: file, line: error.line, column: error.column, keyPath: "", message: error.message)
        }
        let diagnostics = ConfigDiagnostics(file: file)
        let root = ConfigTableReader(table: document, path: "", line: 1, diagnostics: diagnostics)
        root.rejectUnknownKeys(known: ["scenario"])
        let settings = readScenarios(root)
        if root.table["scenario"] == nil {
            diagnostics.report(line: 1, keyPath: "scenario", "no [[scenario]] table in the file")
        }
        if let first = diagnostics.sortedErrors.first { throw first }
        return settings
    }

    static func readScenarios(_ root: ConfigTableReader) -> ScenarioSettings {
        guard root.table["scenario"] != nil, let entries = root.tables("scenario") else { return ScenarioSettings() }
        return ScenarioSettings(scenarios: entries.compactMap(readScenario))
    }

    static func readScenario(_ t: ConfigTableReader) -> ScenarioSettings.Scenario? {
        t.rejectUnknownKeys(known: scenarioKeys)
        guard let kind = t.choice("kind", ScenarioSettings.Kind.self) else {
            if t.table["kind"] == nil { t.reportMissing("kind") }
            return nil
        }
        var s = ScenarioSettings.Scenario(kind: kind)
        if let one = t.string("feature") { s.features = [one] }
        if let many = t.strings("features") { s.features += many }
        if let at = t.integer("at_record", in: 0...Int.max) { s.atRecord = at }
        if t.table["at_time"] != nil {
            if s.atRecord != nil { t.report("at_time", "give at_record or at_time, not both") }
            else if let ms = scenarioTime(t) { s.atTimeMs = ms }
        }
        if let width = t.double("width", in: 0...Double.infinity) { s.width = width }
        if let seed = t.integer("seed", in: 0...Int.max) { s.seed = UInt64(seed) }
        if let amount = t.double("amount", in: -Double.infinity...Double.infinity) { s.amount = amount }
        if let factor = t.double("factor", in: 0...Double.infinity) { s.factor = factor }
        if let sd = t.double("sd", in: 0...Double.infinity) { s.sd = sd }
        if let rate = t.double("rate", in: 0...1) { s.rate = rate }
        if let map = t.table("map") {
            for entry in map.table.entries {
                guard let target = entry.value.string else {
                    map.report(entry.key, "expected a string, found \(entry.value.typeName)")
                    continue
                }
                s.map[entry.key] = target
            }
        }
        s.value = t.string("value") ?? t.table["value"].flatMap(labelText)
        s.from = t.table["from"].flatMap(labelText)
        s.to = t.table["to"].flatMap(labelText)
        s.rule = t.string("rule")
        if let offset = t.double("offset_s", in: -Double.infinity...Double.infinity) { s.offsetSeconds = offset }
        return checkScenario(s, t) ? s : nil
    }

    /// A label or category written as a string, an integer or a boolean, as text.
    static func labelText(_ value: TOMLValue) -> String? {
        if let s = value.string { return s }
        if let i = value.integer { return String(i) }
        if let b = value.boolean { return b ? "true" : "false" }
        return nil
    }

    /// Reports the parameters a kind needs but lacks; true when the scenario is complete.
    static func checkScenario(_ s: ScenarioSettings.Scenario, _ t: ConfigTableReader) -> Bool {
        let needsFeatures: [ScenarioSettings.Kind] = [.shift, .scale, .noise, .category, .missing]
        var ok = true
        func require(_ key: String, _ present: Bool, _ why: String) {
            if !present { t.reportMissing(key, why); ok = false }
        }
        if needsFeatures.contains(s.kind) {
            require("features", !s.features.isEmpty, "a \(s.kind.rawValue) scenario names its features (feature or features)")
        }
        switch s.kind {
        case .shift: require("amount", t.table["amount"] != nil, "a shift scenario needs amount")
        case .scale: require("factor", t.table["factor"] != nil, "a scale scenario needs factor")
        case .noise: require("sd", t.table["sd"] != nil, "a noise scenario needs sd")
        case .category: require("map", !s.map.isEmpty || s.value != nil, "a category scenario needs map or value")
        case .labelPrior:
            require("from", s.from != nil, "a label_prior scenario needs from")
            require("to", s.to != nil, "a label_prior scenario needs to")
        case .concept: require("rule", s.rule != nil, "a concept scenario needs rule")
        case .timeWarp:
            require("factor", t.table["factor"] != nil || t.table["offset_s"] != nil, "a time_warp scenario needs factor or offset_s")
            if s.factor != 1 { require("at_time", s.atTimeMs != nil, "a time_warp factor needs at_time") }
        case .missing, .labelFlip: break
        }
        return ok
    }

    /// `at_time` (a TOML offset date-time or an ISO-8601 string with a zone) as epoch milliseconds.
    static func scenarioTime(_ t: ConfigTableReader) -> Double? {
        guard let value = t.table["at_time"] else { return nil }
        let text: String
        switch value.storage {
        case .dateTime(let s), .string(let s): text = s
        default:
            t.report("at_time", "expected a date-time such as 2024-01-08T00:00:00Z, found \(value.typeName)")
            return nil
        }
        guard let ms = epochMilliseconds(text) else {
            t.report("at_time", "\(ConfigTableReader.quote(text)) is not a date-time with a zone (e.g. 2024-01-08T00:00:00Z)")
            return nil
        }
        return ms
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` as epoch milliseconds, or nil.
    static func epochMilliseconds(_ text: String) -> Double? {
        let b = Array(text.utf8)
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= b.count else { return nil }
            var v = 0
            for k in at..<(at + n) { guard (48...57).contains(b[k]) else { return nil }; v = v * 10 + Int(b[k] - 48) }
            return v
        }
        guard b.count >= 20, let y = digits(0, 4), let mo = digits(5, 2), let d = digits(8, 2), let h = digits(11, 2),
              let mi = digits(14, 2), let s = digits(17, 2), (1...12).contains(mo), (1...31).contains(d),
              h < 24, mi < 60, s < 61, b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 116 || b[10] == 32 else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == 46 {
            i += 1
            var scale = 0.1
            while i < b.count, (48...57).contains(b[i]) { fraction += Double(b[i] - 48) * scale; scale /= 10; i += 1 }
        }
        var offset = 0
        guard i < b.count else { return nil }
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45, let oh = digits(i + 1, 2), let om = digits(i + 4, 2) {
            offset = (b[i] == 45 ? -1 : 1) * (oh * 60 + om)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let seconds = Double(days * 86_400 + h * 3600 + mi * 60 + s - offset * 60) + fraction
        return seconds * 1000
    }
}
