import ShadowConfig
import ShadowCore
import ShadowSQLite

/// `shadowctl replay --local`: the whole pipeline in the foreground, from a config file to a SQLite database.
public enum LocalReplay {
    /// What a finished local replay hands back to the CLI.
    public struct Outcome: Sendable {
        public var summary: RunSummary
        public var databasePath: String
        /// What a paced replay measured (`[load] profile` set); nil for an unpaced one.
        public var load: LoadReport? = nil
    }

    /// Observers of a local replay (drift monitoring), built once the config and store are open, and how to wait
    /// for their last work before the store closes.
    public struct Observers: Sendable {
        public var observers: [any ReplayObserver]
        public var finish: @Sendable () async -> Void

        public init(observers: [any ReplayObserver], finish: @escaping @Sendable () async -> Void) {
            self.observers = observers
            self.finish = finish
        }

        /// No observers.
        public static let none = Observers(observers: [], finish: {})
    }

    /// Loads the config and models, replays `inputs` into the database (`databasePath` overrides `[store] path`; `scenarioPath` adds the
    /// `[[scenario]]` tables of a scenario file);
    /// `observers` builds what watches the committed batches (the drift monitor lives in a target above this one).
    public static func run(configPath: String, databasePath: String?, inputs: [String], scenarioPath: String? = nil,
                           observers: (ShadowSettings, SQLiteStore) throws -> Observers = { _, _ in .none },
                           progress: @escaping @Sendable (ReplayProgress) -> Void) async throws -> Outcome {
        MallocArenas.limit()
        var settings = try ConfigLoader.load(path: configPath)
        if let databasePath { settings.store.path = databasePath }
        if let scenarioPath { settings.scenarios.scenarios += try ConfigLoader.loadScenarios(path: scenarioPath).scenarios }
        let modelSet = try ModelSet.load(settings)
        let store = try SQLiteStore(path: settings.store.path, settings: settings.store)
        defer { store.close() }
        let watching = try observers(settings, store)
        let load = try ConfigLoader.loadSettings(path: configPath)
        let summary: RunSummary
        var report: LoadReport?
        do {
            if load.profile != .none {
                let paced = LoadReplay(settings: settings, load: load, modelSet: modelSet, store: store,
                                       observers: watching.observers)
                (summary, report) = try await paced.run(inputs: inputs, configPath: configPath, progress: progress)
            } else {
                let engine = ReplayEngine(settings: settings, modelSet: modelSet, store: store, observers: watching.observers)
                summary = try await engine.run(inputs: inputs, configPath: configPath, progress: progress)
            }
        } catch {
            await watching.finish()
            throw error
        }
        await watching.finish()
        if let report { try LoadStoreWriter.write(report, run: summary.run, path: settings.store.path) }
        return Outcome(summary: summary, databasePath: settings.store.path, load: report)
    }
}
