import ShadowCore

/// The keys of `kind = "process"` models: the child's command line, environment and pipelining depth.
extension ConfigLoader {
    /// Keys only a process model accepts (`classes` is shared with http models).
    static let processModelKeys = ["argv", "env", "max_in_flight", "max_line_bytes"]

    /// Reads the process keys of one `[[models]]` entry; reports them on other kinds, and what process needs.
    static func readProcessModel(_ entry: ConfigTableReader, kind: ModelSettings.Kind?, baseDirectory: String)
        -> ProcessModelSettings? {
        guard kind == .process else {
            for key in processModelKeys where entry.table[key] != nil {
                entry.report(key, "only models with kind = \"process\" take this key")
            }
            return nil
        }
        if entry.table["argv"] == nil {
            entry.reportMissing("argv", "required for kind \"process\" (the program and its arguments, "
                + "e.g. [\"python3\", \"model.py\"])")
        }
        if entry.table["features"] == nil {
            entry.reportMissing("features", "required for kind \"process\" (the model's inputs, in order)")
        }
        let directory = baseDirectory.isEmpty ? "." : baseDirectory
        var argv = entry.strings("argv")
        if let given = argv {
            if given.isEmpty || given[0].isEmpty {
                entry.report("argv", "must name a program (argv[0]); it is run directly, not through a shell")
                argv = nil
            } else if given[0].hasPrefix("~") {
                entry.report("argv", "\"~\" is not expanded; write the full path")
                argv = nil
            } else if given[0].contains("/") {
                argv![0] = ConfigPath.resolve(given[0], against: directory)
            }
        }
        let maxInFlight = entry.integer("max_in_flight", in: 1...65_536)
        let classes = entry.integer("classes", in: 2...100_000)
        let maxLineBytes = entry.integer("max_line_bytes", in: 64...(1 << 30))
        var env: [String: String] = [:]
        if entry.table["env"] != nil, let table = entry.table("env") {
            for item in table.table.entries {
                guard let value = table.string(item.key) else { continue }
                if item.key.isEmpty || item.key.contains("=") || item.key.utf8.contains(0) || value.utf8.contains(0) {
                    table.report(item.key, "not a valid environment variable")
                } else {
                    env[item.key] = value
                }
            }
        }
        guard let argv else { return nil }
        var settings = ProcessModelSettings(argv: argv, env: env, directory: directory, classes: classes)
        if let maxInFlight { settings.maxInFlight = maxInFlight }
        if let maxLineBytes { settings.maxLineBytes = maxLineBytes }
        return settings
    }
}
