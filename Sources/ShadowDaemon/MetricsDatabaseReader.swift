import ShadowMetrics
import ShadowSQLite
import Synchronization

/// Drift values and trigger counts for `/metrics`, read from the database on a reader connection of its own
/// (WAL lets it read beside the writer), at scrape time.
///
/// Drift rows are read incrementally by id: the first scrape takes the newest row of each (signal, feature,
/// statistic), later scrapes only the rows written since. At most `maxDriftSeries` series are kept.
final class MetricsDatabaseReader: MetricsCollector {
    /// Distinct drift series kept (the config bounds them; this guards against many reloads with new features).
    static let maxDriftSeries = 1000
    /// Trigger levels, always reported (zero until one fires).
    static let levels = ["warn", "alert", "retrain"]

    private struct DriftKey: Hashable, Comparable {
        var signal: String
        var feature: String
        var statistic: String

        static func < (a: DriftKey, b: DriftKey) -> Bool {
            (a.signal, a.feature, a.statistic) < (b.signal, b.feature, b.statistic)
        }
    }

    private struct State {
        var connection: SQLiteDatabase?
        var lastDriftID: Int64 = -1
        var drift: [DriftKey: Double] = [:]
        var triggers: [String: Double] = [:]
    }

    private let database: String
    private let state = Mutex(State())

    /// Reads the shadowd database at `database`.
    init(database: String) {
        self.database = database
    }

    func collect(nowMs: Double) -> [MetricFamily] {
        state.withLock { state in
            refresh(&state)
            let drift = state.drift.keys.sorted().map { key in
                MetricSample(labels: [MetricLabel("signal", key.signal), MetricLabel("feature", key.feature),
                                      MetricLabel("statistic", key.statistic)], value: state.drift[key]!)
            }
            let triggers = Self.levels.map {
                MetricSample(labels: [MetricLabel("level", $0)], value: state.triggers[$0] ?? 0)
            }
            return [MetricFamily(.driftValue, samples: drift), MetricFamily(.triggers, samples: triggers)]
        }
    }

    /// Reads what changed since the last scrape; on any error the connection is reopened at the next one and
    /// the values already read are reported meanwhile.
    private func refresh(_ state: inout State) {
        do {
            if state.connection == nil { state.connection = try SQLiteDatabase.openShadowReader(path: database) }
            guard let db = state.connection else { return }
            let read = { (row: SQLiteStatement) in
                (row.int64(at: 0), DriftKey(signal: row.text(at: 1) ?? "", feature: row.text(at: 2) ?? "",
                                            statistic: row.text(at: 3) ?? ""), row.isNull(at: 4) ? Double.nan : row.double(at: 4))
            }
            let columns = "SELECT id, signal, coalesce(feature, ''), statistic, value FROM drift"
            let rows = state.lastDriftID < 0
                ? try db.query(columns + " WHERE id IN (SELECT max(id) FROM drift GROUP BY signal, feature, statistic) "
                                   + "ORDER BY id", row: read)
                : try db.query(columns + " WHERE id > ? ORDER BY id LIMIT 100000", .integer(state.lastDriftID), row: read)
            state.lastDriftID = max(state.lastDriftID, rows.last?.0 ?? 0)
            for (_, key, value) in rows where state.drift[key] != nil || state.drift.count < Self.maxDriftSeries {
                state.drift[key] = value
            }
            state.triggers = Dictionary(uniqueKeysWithValues: try db.query(
                "SELECT level, count(*) FROM triggers GROUP BY level") { row in
                (row.text(at: 0) ?? "", Double(row.int64(at: 1)))
            })
        } catch {
            state.connection?.close()
            state.connection = nil
        }
    }
}
