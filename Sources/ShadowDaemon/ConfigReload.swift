import Logging
import ShadowConfig
import ShadowCore
import ShadowRuntime

/// SIGHUP: re-reads the config; a valid one is put in force between batches, an invalid one is refused with the
/// key at fault and the old one keeps running.
struct ConfigReload: Sendable {
    let context: DaemonContext

    /// Returns whether the new config was applied.
    @discardableResult
    func reload() -> Bool {
        context.notify { try $0.reloading() }
        defer { context.notify { try $0.ready() } }
        let settings: ShadowSettings
        let models: ModelSet
        let load: LoadSettings
        do {
            settings = try ConfigLoader.load(path: context.configPath)
            load = try ConfigLoader.loadSettings(path: context.configPath)
            models = try ModelSet.load(settings)
        } catch let error as ConfigError {
            context.logger.error("config reload refused; the running config stays", metadata: [
                "message_id": "\(MessageID.reloadRefused)", "config": "\(context.configPath)",
                "key": "\(error.keyPath)", "line": "\(error.line)", "error": "\(error)",
            ])
            return false
        } catch {
            context.logger.error("config reload refused; the running config stays", metadata: [
                "message_id": "\(MessageID.reloadRefused)", "config": "\(context.configPath)", "error": "\(error)",
            ])
            return false
        }
        let old = context.settings
        for (key, changed) in [("store", old.store != settings.store), ("daemon", old.daemon != settings.daemon)]
        where changed {
            context.logger.warning("this section changes only at restart", metadata: ["section": "\(key)"])
        }
        var applied = settings
        applied.store = old.store
        applied.daemon = old.daemon
        context.apply(settings: applied, models: models, load: load)
        context.logger.info("config reloaded", metadata: [
            "message_id": "\(MessageID.reloaded)", "config": "\(context.configPath)",
            "models": "\(models.models.map(\.name).joined(separator: ","))", "load": "\(load.describe)",
        ])
        return true
    }
}

/// Journal MESSAGE_IDs of the daemon's own events (128-bit ids, fixed forever).
enum MessageID {
    static let started = "6f2b9c1a4e8d4f0b9a3c5d7e1f2a3b4c"
    static let reloaded = "a1d4e7c2b5f84a9e8c3d6f1b2e4a7c90"
    static let reloadRefused = "c3e6a9d2f5b84c1e9a7d3f6b2c5e8a14"
    static let stopped = "e5a8c1f4b7d24e6a8c9f3b1d5e7a2c68"
}
