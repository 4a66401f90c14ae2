import ShadowCore

/// `[source]`, `[source.fields]` and `[source.fields.feature]`: how log lines become records.
extension ConfigLoader {
    static func readSource(_ table: ConfigTableReader) -> SourceSettings {
        table.rejectUnknownKeys(known: ConfigKeys.source)
        var settings = SourceSettings()
        if let format = table.choice("format", SourceSettings.Format.self) { settings.format = format }
        if let limit = table.integer("max_line_bytes", in: 64...Int.max) { settings.maxLineBytes = limit }
        if let allow = table.bool("allow_non_finite") { settings.allowNonFinite = allow }
        if let delimiter = readDelimiter(table) { settings.csvDelimiter = delimiter }
        if let fields = table.table("fields") { settings.fields = readFields(fields) }
        return settings
    }

    private static func readDelimiter(_ table: ConfigTableReader) -> UInt8? {
        guard let text = table.string("csv_delimiter") else { return nil }
        guard text.utf8.count == 1, let byte = text.utf8.first, byte < 0x80 else {
            table.report("csv_delimiter", "expected a single ASCII character, found \(ConfigTableReader.quote(text))")
            return nil
        }
        let forbidden: [UInt8: String] = [
            UInt8(ascii: "\""): "the CSV quote character", UInt8(ascii: "\n"): "a line break",
            UInt8(ascii: "\r"): "a line break",
        ]
        if let reason = forbidden[byte] {
            table.report("csv_delimiter", "\(ConfigTableReader.quote(text)) cannot be the delimiter (it is \(reason))")
            return nil
        }
        return byte
    }

    static func readFields(_ table: ConfigTableReader) -> FieldMapping {
        table.rejectUnknownKeys(known: ConfigKeys.fields)
        var fields = FieldMapping()
        if let id = pointer(table, "id") { fields.id = id }
        if let time = pointer(table, "time") { fields.time = time }
        if let unit = table.choice("time_unit", FieldMapping.TimeUnit.self) { fields.timeUnit = unit }
        if let features = pointer(table, "features") { fields.features = features }
        if let names = readNameList(table, "feature_names", noun: "feature") { fields.featureNames = names }
        if let label = pointer(table, "label") { fields.label = label }
        if let recorded = pointer(table, "recorded") { fields.recorded = recorded }
        if let output = pointer(table, "recorded_output") { fields.recordedOutput = output }
        if let single = table.table("feature") {
            for entry in single.table.entries {
                if entry.key.isEmpty {
                    single.diagnostics.report(line: entry.line, keyPath: single.keyPath(entry.key),
                                              "feature name must not be empty")
                } else if let target = pointer(single, entry.key) {
                    fields.feature[entry.key] = target
                }
            }
        }
        return fields
    }

    /// A string holding a valid RFC 6901 JSON pointer.
    private static func pointer(_ table: ConfigTableReader, _ key: String) -> String? {
        guard let text = table.string(key) else { return nil }
        if let problem = JSONPointerSyntax.problem(in: text) {
            table.report(key, problem)
            return nil
        }
        return text
    }
}
