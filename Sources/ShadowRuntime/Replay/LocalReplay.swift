import ShadowConfig
import ShadowCore
import ShadowSQLite

/// `shadowctl replay --local`: the whole pipeline in the foreground, from a config file to a SQLite database.
public enum LocalReplay {
    /// What a finished local replay hands back to the CLI.
    public struct Outcome: Sendable {
        public var summary: RunSummary
        public var databasePath: String
    }

    /// Loads the config and models, replays `inputs` into the database (`databasePath` overrides `[store] path`).
    public static func run(configPath: String, databasePath: String?, inputs: [String],
                           progress: @escaping @Sendable (ReplayProgress) -> Void) async throws -> Outcome {
        var settings = try ConfigLoader.load(path: configPath)
        if let databasePath { settings.store.path = databasePath }
        let modelSet = try ModelSet.load(settings)
        let store = try SQLiteStore(path: settings.store.path, settings: settings.store)
        defer { store.close() }
        let engine = ReplayEngine(settings: settings, modelSet: modelSet, store: store)
        let summary = try await engine.run(inputs: inputs, configPath: configPath, progress: progress)
        return Outcome(summary: summary, databasePath: settings.store.path)
    }
}
