import ShadowCore

/// Reads `shadowd.toml` into `ShadowSettings`, rejecting unknown keys, wrong types and out-of-range values.
///
/// Relative paths in the file are resolved against `baseDirectory` (the config file's folder for `load`);
/// whether the files exist is left to the runtime. Every error is a `ConfigError` naming file, line and key path.
public enum ConfigLoader {
    /// Reads and validates the config file at `path`; throws the first `ConfigError` (by line).
    public static func load(path: String) throws -> ShadowSettings {
        let text = try ConfigFile.text(at: path)
        return try parse(text, file: path, baseDirectory: ConfigPath.directory(of: ConfigFile.absolute(path)))
    }

    /// Validates config text; `file` names it in errors; relative paths resolve against `baseDirectory`.
    public static func parse(_ text: String, file: String, baseDirectory: String) throws -> ShadowSettings {
        let (settings, errors) = read(text, file: file, baseDirectory: baseDirectory)
        if let first = errors.first { throw first }
        return settings!
    }

    /// Every problem in config text, in line order (empty when it is valid). A syntax error stops the check.
    public static func check(_ text: String, file: String, baseDirectory: String) -> [ConfigError] {
        read(text, file: file, baseDirectory: baseDirectory).errors
    }

    /// Every problem in the config file at `path`, in line order (empty when it is valid).
    public static func check(path: String) -> [ConfigError] {
        do {
            let text = try ConfigFile.text(at: path)
            return check(text, file: path, baseDirectory: ConfigPath.directory(of: ConfigFile.absolute(path)))
        } catch {
            return [error]
        }
    }

    /// The settings (nil on any problem) and all problems found.
    static func read(_ text: String, file: String, baseDirectory: String) -> (ShadowSettings?, errors: [ConfigError]) {
        let document: TOMLTable
        do {
            document = try TOMLParser.parse(text)
        } catch {
            return (nil, [ConfigError(file: file, line: error.line, column: error.column, keyPath: "",
                                      message: error.message)])
        }
        let diagnostics = ConfigDiagnostics(file: file)
        let root = ConfigTableReader(table: document, path: "", line: 1, diagnostics: diagnostics)
        root.rejectUnknownKeys(known: ConfigKeys.root)
        let settings = ShadowSettings(
            models: readModels(root, baseDirectory: baseDirectory),
            compare: root.table("compare").map(readCompare) ?? CompareSettings(),
            store: root.table("store").map { readStore($0, baseDirectory: baseDirectory) } ?? StoreSettings(),
            source: root.table("source").map(readSource) ?? SourceSettings(),
            replay: root.table("replay").map(readReplay) ?? ReplaySettings(),
            daemon: root.table("daemon").map { readDaemon($0, baseDirectory: baseDirectory) } ?? DaemonSettings(),
            sources: readSources(root, baseDirectory: baseDirectory),
            drift: root.table("drift").map { readDrift($0, baseDirectory: baseDirectory) } ?? DriftSettings(),
            metrics: root.table("metrics").map(readMetrics) ?? MetricsSettings(),
            promotion: root.table("promotion").map(readPromotion) ?? PromotionSettings(),
            scenarios: readScenarios(root)
        )
        _ = root.table("load").map(readLoad)  // validated here; read with `loadSettings(path:)`
        let errors = diagnostics.sortedErrors
        return (errors.isEmpty ? settings : nil, errors)
    }
}
