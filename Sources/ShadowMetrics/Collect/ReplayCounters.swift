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

    /// Counts one committed batch.
    public mutating func add(_ batch: ObservedBatch) {
        let records = batch.records.records
        self.records &+= UInt64(records.count)
        for reject in batch.records.rejects { self.rejects[reject.code, default: 0] &+= 1 }
        var newest = newestRecordMs ?? -.infinity
        for record in records {
            if let ms = record.epochMs, ms > newest { newest = ms }
        }
        if newest > -.infinity { newestRecordMs = newest }
        for (name, predictions) in zip(batch.models, batch.predictions) {
            let key = Self.boundedKey(name, in: models)
            var counters = models.removeValue(forKey: key) ?? ModelCounters()
            counters.requests &+= UInt64(predictions.count)
            for case let code? in predictions.errors { counters.errors[code, default: 0] &+= 1 }
            counters.latency.record(predictions.latencyNanos)
            models[key] = counters
        }
        for name in batch.models.dropFirst() where disagreements[name] == nil {   // shadows and replicas
            let key = Self.boundedKey(name, in: disagreements)
            if disagreements[key] == nil { disagreements[key] = [:] }
        }
        for row in batch.disagreements {
            let key = disagreements[row.shadow] == nil ? Self.boundedKey(row.shadow, in: disagreements) : row.shadow
            disagreements[key, default: [:]][row.kind, default: 0] &+= 1
        }
    }

    /// `name`, or `otherModel` when `table` already holds `maxModels` other names.
    static func boundedKey<V>(_ name: String, in table: [String: V]) -> String {
        if table[name] != nil || table.count < maxModels { return name }
        return otherModel
    }
}
