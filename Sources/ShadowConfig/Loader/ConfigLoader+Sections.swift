import ShadowCore

/// `[compare]`, `[store]` and `[replay]`: keys absent from the file keep the settings' defaults.
extension ConfigLoader {
    static func readCompare(_ table: ConfigTableReader) -> CompareSettings {
        table.rejectUnknownKeys(known: ConfigKeys.compare)
        var settings = CompareSettings()
        if let task = table.choice("task", CompareSettings.Task.self) { settings.task = task }
        if let threshold = table.double("threshold", in: 0...1) { settings.threshold = threshold }
        if let abs = table.double("abs_tol", in: 0...Double.infinity) { settings.absTolerance = abs }
        if let rel = table.double("rel_tol", in: 0...Double.infinity) { settings.relTolerance = rel }
        return settings
    }

    static func readStore(_ table: ConfigTableReader, baseDirectory: String) -> StoreSettings {
        table.rejectUnknownKeys(known: ConfigKeys.store)
        var settings = StoreSettings()
        if let path = readFilePath(table, "path", baseDirectory: baseDirectory) { settings.path = path }
        if let rows = table.integer("batch_rows", in: 1...Int.max) { settings.batchRows = rows }
        if let flush = table.integer("flush_ms", in: 1...Int.max) { settings.flushIntervalMs = flush }
        if let store = table.bool("store_features") { settings.storeFeatures = store }
        return settings
    }

    static func readReplay(_ table: ConfigTableReader) -> ReplaySettings {
        table.rejectUnknownKeys(known: ConfigKeys.replay)
        var settings = ReplaySettings()
        if let size = table.integer("batch_size", in: 1...65536) { settings.batchSize = size }
        if let inFlight = table.integer("max_in_flight", in: 1...256) { settings.maxInFlight = inFlight }
        return settings
    }
}
