import ShadowCore
import ShadowSQLite

/// When the drift monitor last fired a trigger, read from the database on a connection of its own (WAL lets it
/// read beside the writer), for the status line.
final class LastTrigger {
    private let database: String
    private var connection: SQLiteDatabase?

    init(database: String) {
        self.database = database
    }

    /// Seconds since the newest `triggers` row was written, or nil when there is none (or it cannot be read).
    func secondsAgo() -> Double? {
        do {
            if connection == nil { connection = try SQLiteDatabase.openShadowReader(path: database) }
            let value = try connection?.scalar(
                "SELECT (julianday('now') - julianday(max(created_at))) * 86400.0 FROM triggers")
            if case .double(let seconds)? = value { return seconds }
            return nil
        } catch {
            connection = nil
            return nil
        }
    }
}
