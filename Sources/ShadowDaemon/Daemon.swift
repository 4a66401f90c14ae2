#if canImport(Glibc)
import Glibc
#endif
import Logging
import ServiceLifecycle
import ShadowConfig
import ShadowCore
import ShadowRuntime
import ShadowSQLite
import ShadowSystemd

/// `shadowd` serving: loads the config and models, migrates the database, then runs `DaemonService` under a
/// ServiceGroup that turns SIGTERM/SIGINT into a graceful shutdown.
public enum Daemon {
    /// Serves until stopped; returns the process exit status.
    public static func serve(configPath: String) async -> Int32 {
        MallocArenas.limit()
        _ = ShadowLogging.bootstrap(level: .info)
        let logger = Logger(label: "shadowd")
        let notifier = SystemdNotifier()
        let settings: ShadowSettings
        let models: ModelSet
        let load: LoadSettings
        let store: SQLiteStore
        do {
            settings = try ConfigLoader.load(path: configPath)
            load = try ConfigLoader.loadSettings(path: configPath)
            models = try ModelSet.load(settings)
            store = try SQLiteStore(path: settings.store.path, settings: settings.store)
        } catch {
            logger.critical("cannot start: \(error)", metadata: ["config": "\(configPath)"])
            _ = try? notifier.status("cannot start: \(error)")
            return 1
        }
        defer { store.close() }
        do {
            try closeInterruptedRuns(store)
        } catch {
            logger.error("cannot mark interrupted runs", metadata: ["error": "\(error)"])
        }
        let context = DaemonContext(configPath: configPath, settings: settings, models: models, load: load, store: store,
                                    notifier: notifier, logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: DaemonService(context: context))],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        do {
            try await group.run()
            return 0
        } catch {
            logger.critical("shadowd failed: \(error)")
            return 1
        }
    }

    /// Runs left `running` by a previous process that cannot be resumed (no checkpoint: submitted files) are
    /// marked failed; resumable ones stay open for their source to continue.
    static func closeInterruptedRuns(_ store: SQLiteStore) throws {
        try store.write { db in
            try db.run("""
                UPDATE runs SET status = 'failed', finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                WHERE status = 'running' AND id NOT IN (SELECT run_id FROM checkpoints)
                """)
        }
    }
}
