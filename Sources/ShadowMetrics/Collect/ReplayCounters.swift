import ShadowCore
import ShadowRuntime

/// What the committed batches of every replay add up to: records, rejects, each model's requests, errors and
/// latencies, each shadow's disagreements, and the newest record time. A plain value, added to batch by batch.
///
/// Labels stay bounded: model and shadow names come from the config, and past `maxModels` distinct names (many
/// reloads with renamed models) the rest are counted under `otherModel`.
public struct ReplayCounters: Sendable, Equatable {
    /// Distinct model (and shadow) names kept before the rest share `otherModel`.
    public static let maxModels = 32
    /// The label value that collects models past `maxModels`.
    public static let otherModel = "_other"

    /// One model's counts.
    public struct ModelCounters: Sendable, Equatable {
        /// Requests answered or failed.
        public var requests: UInt64 = 0
        /// Failed requests by code.
        public var errors: [ModelErrorCode: UInt64] = [:]
        /// Every request's latency.
        public var latency = LatencyHistogram()
    }

    /// Records committed.
    public var records: UInt64 = 0
    /// Rejected lines by code.
    public var rejects: [RejectCode: UInt64] = [:]
    /// Per model name.
    public var models: [String: ModelCounters] = [:]
    /// Per shadow (every model after the champion): disagreements by kind.
    public var disagreements: [String: [DisagreementKind: UInt64]] = [:]
    /// Record time (ms since the epoch) of the newest committed record that had one.
    public var newestRecordMs: Double?

    /// Nothing counted yet.
    public init() {}

    /// Counts one committed batch. Runs on the replay's commit path: records and rows are read in place (no
    /// copies, no hashing per row); dictionaries are touched once per model and shadow per batch.
    public mutating func add(_ batch: ObservedBatch) {
        let records = batch.records.records
        self.records &+= UInt64(records.count)
        for reject in batch.records.rejects { self.rejects[reject.code, default: 0] &+= 1 }
        var newest = newestRecordMs ?? -.infinity
        records.withUnsafeBufferPointer { records in
            for index in records.indices {
                if let ms = records[index].epochMs, ms > newest { newest = ms }
            }
        }
        if newest > -.infinity { newestRecordMs = newest }
        for (name, predictions) in zip(batch.models, batch.predictions) {
            let key = Self.boundedKey(name, in: models)
            var counters = models.removeValue(forKey: key) ?? ModelCounters()
            counters.requests &+= UInt64(predictions.count)
            predictions.errors.withUnsafeBufferPointer { errors in
                for index in errors.indices { if let code = errors[index] { counters.errors[code, default: 0] &+= 1 } }
            }
            counters.latency.record(predictions.latencyNanos)
            models[key] = counters
        }
        addDisagreements(batch)
    }

    /// Counts the batch's disagreement rows per shadow (every model after the champion) and kind.
    private mutating func addDisagreements(_ batch: ObservedBatch) {
        let shadows = batch.models.dropFirst()
        let kinds = DisagreementKind.allCases
        var counts = [UInt64](repeating: 0, count: shadows.count * kinds.count)
        batch.disagreements.withUnsafeBufferPointer { rows in
            for index in rows.indices {
                let kind = Self.kindIndex(rows[index].kind)
                if let shadow = shadows.firstIndex(of: rows[index].shadow) {
                    counts[(shadow - shadows.startIndex) * kinds.count + kind] &+= 1
                } else {   // a row of a shadow the batch does not name (not expected): counted by name
                    let key = Self.boundedKey(rows[index].shadow, in: disagreements)
                    disagreements[key, default: [:]][kinds[kind], default: 0] &+= 1
                }
            }
        }
        for (offset, name) in shadows.enumerated() {
            let key = Self.boundedKey(name, in: disagreements)
            var byKind = disagreements.removeValue(forKey: key) ?? [:]
            for (k, kind) in kinds.enumerated() where counts[offset * kinds.count + k] > 0 {
                byKind[kind, default: 0] &+= counts[offset * kinds.count + k]
            }
            disagreements[key] = byKind
        }
    }

    /// The position of `kind` in `DisagreementKind.allCases`.
    @inline(__always)
    static func kindIndex(_ kind: DisagreementKind) -> Int {
        switch kind {
        case .labelFlip: 0
        case .scoreDelta: 1
        case .shadowError: 2
        }
    }

    /// `name`, or `otherModel` when `table` already holds `maxModels` other names.
    static func boundedKey<V>(_ name: String, in table: [String: V]) -> String {
        if table[name] != nil || table.count < maxModels { return name }
        return otherModel
    }
}
