import ShadowCore
import ShadowRuntime
import ShadowSQLite

extension DriftMonitor {
    /// The observers of a `shadowctl replay --local`: a drift monitor when `[drift] enabled = true`, none otherwise.
    public static func localObservers(settings: ShadowSettings, store: SQLiteStore) throws -> LocalReplay.Observers {
        guard settings.drift.enabled else { return .none }
        let monitor = try DriftMonitor(settings: settings, store: store)
        return LocalReplay.Observers(observers: [monitor], finish: { await monitor.finish() })
    }
}
