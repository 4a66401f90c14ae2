import ShadowCore

/// `[drift]`, `[drift.detectors]`, `[[drift.rules]]` and `[[drift.actions]]`: drift monitoring and triggers.
extension ConfigLoader {
    static func readDrift(_ table: ConfigTableReader, baseDirectory: String) -> DriftSettings {
        table.rejectUnknownKeys(known: ConfigKeys.drift)
        var s = DriftSettings()
        if let enabled = table.bool("enabled") { s.enabled = enabled }
        if let window = table.integer("window", in: 10...10_000_000) { s.window = window }
        s.step = s.window
        if let step = table.integer("step", in: 1...10_000_000) {
            if step > s.window { table.report("step", "must not exceed window (\(s.window)), found \(step)") }
            s.step = step
        }
        if let seconds = table.integer("window_seconds", in: 1...31_536_000) {
            if s.step != s.window {
                table.report("window_seconds", "time windows do not slide: step must be unset or equal to window")
            }
            s.windowSeconds = seconds
        }
        if let reference = table.choice("reference", DriftSettings.Reference.self) { s.reference = reference }
        if let n = table.integer("reference_records", in: 10...10_000_000) { s.referenceRecords = n }
        s.profile = readFilePath(table, "profile", baseDirectory: baseDirectory)
        if s.reference == .profile && s.profile == nil && table.table["profile"] == nil {
            table.reportMissing("profile", "required when reference = \"profile\"")
        }
        if let names = table.strings("statistics") {
            s.statistics = choices(table, "statistics", names, DriftSettings.Statistic.self)
        }
        if let binning = table.choice("psi_binning", DriftSettings.Binning.self) { s.psiBinning = binning }
        if let bins = table.integer("psi_bins", in: 2...1000) { s.psiBins = bins }
        if let features = table.strings("features") { s.features = features }
        if let detectors = table.table("detectors") {
            detectors.rejectUnknownKeys(known: ConfigKeys.driftDetectors)
            if let d = detectors.choice("error", DriftSettings.Detector.self) { s.errorDetector = d }
            if let d = detectors.choice("disagreement", DriftSettings.Detector.self) { s.disagreementDetector = d }
        }
        if table.table["rules"] != nil, let rules = table.tables("rules") {
            var seen: Set<String> = []
            s.rules = rules.compactMap { readRule($0, seen: &seen) }
        }
        if table.table["actions"] != nil, let actions = table.tables("actions") {
            s.actions = actions.compactMap(readAction)
        }
        return s
    }

    static func readRule(_ t: ConfigTableReader, seen: inout Set<String>) -> DriftSettings.Rule? {
        t.rejectUnknownKeys(known: ConfigKeys.driftRules)
        guard let name = t.string("name") else {
            if t.table["name"] == nil { t.reportMissing("name") }
            return nil
        }
        if !seen.insert(name).inserted {
            t.report("name", "the rule \(ConfigTableReader.quote(name)) is defined twice")
            return nil
        }
        var rule = DriftSettings.Rule(name: name, signals: [])
        let given = ["signal", "any", "all"].filter { t.table[$0] != nil }
        if given.isEmpty {
            t.reportMissing("signal", "a rule needs one of signal, any or all")
            return nil
        }
        if given.count > 1 {
            t.report(given[1], "give only one of signal, any or all")
            return nil
        }
        switch given[0] {
        case "signal":
            guard let signal = t.string("signal") else { return nil }
            rule.signals = [signal]
        default:
            guard let list = t.strings(given[0]) else { return nil }
            if list.isEmpty { t.report(given[0], "needs at least one signal"); return nil }
            rule.combine = given[0] == "any" ? .any : .all
            rule.signals = list
        }
        for (i, signal) in rule.signals.enumerated() where !validSignal(signal) {
            let key = rule.combine == .single ? "signal" : given[0]
            t.diagnostics.report(line: t.table[key]?.line ?? t.line,
                                 keyPath: t.keyPath(key) + (rule.combine == .single ? "" : "[\(i)]"),
                                 "unknown signal \(ConfigTableReader.quote(signal)) (expected STAT:FEATURE with STAT one of "
                                    + signalStatistics.joined(separator: ", ")
                                    + ", or disagreement:SHADOW, disagreement_rate:SHADOW, error, error_rate)")
            return nil
        }
        rule.warn = t.double("warn", in: -Double.infinity...Double.infinity)
        rule.alert = t.double("alert", in: -Double.infinity...Double.infinity)
        if rule.warn == nil && rule.alert == nil && t.table["warn"] == nil && t.table["alert"] == nil {
            t.reportMissing("alert", "a rule needs warn, alert or both")
        }
        rule.direction = t.choice("direction", DriftSettings.Direction.self)
        if let n = t.integer("min_samples", in: 0...Int.max) { rule.minSamples = n }
        if let n = t.integer("consecutive", in: 1...1000) { rule.consecutive = n }
        if let c = t.double("cooldown_s", in: 0...Double.infinity) { rule.cooldownSeconds = c }
        if let r = t.bool("retrain") { rule.retrain = r }
        return rule
    }

    static func readAction(_ t: ConfigTableReader) -> DriftSettings.Action? {
        t.rejectUnknownKeys(known: ConfigKeys.driftActions)
        guard let kind = t.choice("kind", DriftSettings.Action.Kind.self) else {
            if t.table["kind"] == nil { t.reportMissing("kind") }
            return nil
        }
        var action = DriftSettings.Action(on: [.alert, .retrain], kind: kind)
        if let on = t.strings("on") { action.on = choices(t, "on", on, DriftSettings.Level.self) }
        if let timeout = t.integer("timeout_ms", in: 1...3_600_000) { action.timeoutMs = timeout }
        if let retries = t.integer("retries", in: 0...20) { action.retries = retries }
        switch kind {
        case .exec:
            guard let argv = t.strings("argv") else {
                if t.table["argv"] == nil { t.reportMissing("argv", "required for kind = \"exec\"") }
                return nil
            }
            if argv.isEmpty || argv[0].isEmpty { t.report("argv", "needs a program"); return nil }
            action.argv = argv
        case .webhook:
            guard let url = t.string("url") else {
                if t.table["url"] == nil { t.reportMissing("url", "required for kind = \"webhook\"") }
                return nil
            }
            if !url.hasPrefix("http://") {
                t.report("url", "only http:// URLs are supported (https is not), found \(ConfigTableReader.quote(url))")
                return nil
            }
            action.url = url
        }
        return action
    }

    /// Signal prefixes a feature statistic may use.
    static let signalStatistics = ["psi", "ks_pvalue", "wasserstein_norm", "js", "chi2_pvalue", "linf"]

    static func validSignal(_ s: String) -> Bool {
        if s == "error" || s == "error_rate" { return true }
        guard let colon = s.firstIndex(of: ":") else { return false }
        let head = String(s[..<colon]), tail = s[s.index(after: colon)...]
        guard !tail.isEmpty else { return false }
        return signalStatistics.contains(head) || head == "disagreement" || head == "disagreement_rate"
    }

    /// Each string as a case of `E`, reporting unknown ones with their index.
    static func choices<E: RawRepresentable & CaseIterable>(_ t: ConfigTableReader, _ key: String, _ names: [String],
                                                            _ type: E.Type) -> [E] where E.RawValue == String {
        var out: [E] = []
        for (i, name) in names.enumerated() {
            if let value = E(rawValue: name) {
                out.append(value)
            } else {
                let known = E.allCases.map(\.rawValue).joined(separator: ", ")
                t.diagnostics.report(line: t.table[key]?.line ?? t.line, keyPath: t.keyPath(key) + "[\(i)]",
                                     "unknown value \(ConfigTableReader.quote(name)) (expected one of: \(known))")
            }
        }
        return out
    }
}
