import ShadowCore

/// `[daemon]` and `[[sources]]`: what `shadowd` serves and which files it replays by itself.
extension ConfigLoader {
    static func readDaemon(_ table: ConfigTableReader, baseDirectory: String) -> DaemonSettings {
        table.rejectUnknownKeys(known: ConfigKeys.daemon)
        var settings = DaemonSettings()
        if let socket = readFilePath(table, "control_socket", baseDirectory: baseDirectory) {
            settings.controlSocket = socket
        }
        if let group = table.string("socket_group") { settings.socketGroup = group.isEmpty ? nil : group }
        if let spool = readFilePath(table, "spool", baseDirectory: baseDirectory) { settings.spool = spool }
        if let poll = table.integer("poll_ms", in: 10...60_000) { settings.pollMs = poll }
        if let status = table.integer("status_interval_ms", in: 100...3_600_000) { settings.statusIntervalMs = status }
        if let stall = table.bool("watchdog_test_stall") { settings.watchdogTestStall = stall }
        return settings
    }

    static func readSources(_ root: ConfigTableReader, baseDirectory: String) -> [TrafficSourceSettings] {
        guard root.table["sources"] != nil, let entries = root.tables("sources") else { return [] }
        var seen: Set<String> = []
        return entries.compactMap { entry in
            entry.rejectUnknownKeys(known: ConfigKeys.sources)
            guard let path = readFilePath(entry, "path", baseDirectory: baseDirectory) else {
                if entry.table["path"] == nil { entry.reportMissing("path") }
                return nil
            }
            if !seen.insert(path).inserted {
                entry.report("path", "the source \(ConfigTableReader.quote(path)) is listed twice")
                return nil
            }
            return TrafficSourceSettings(path: path, follow: entry.bool("follow") ?? true)
        }
    }
}
