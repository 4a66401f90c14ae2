import ShadowCore

/// What the timeline observer writes: closed intervals, bucket count increments and the current top disagreements.
struct TimelineRows: Sendable {
    /// One model's share of a closed interval (`timeline`).
    struct Model: Sendable, Equatable {
        var name: String
        var requests: Int
        var errors: Int
        var p50Ms: Double?
        var p99Ms: Double?
        var maxMs: Double?
        var histogram: String
    }

    /// One shadow's disagreements of one kind in a closed interval (`timeline_disagreements`).
    struct Shadow: Sendable, Equatable {
        var name: String
        var kind: DisagreementKind
        var compared: Int
        var count: Int
    }

    /// A closed interval.
    struct Interval: Sendable {
        var run: Int64
        var index: Int
        var startedAtMs: Double
        var seconds: Double
        var minRecordMs: Double?
        var maxRecordMs: Double?
        var models: [Model]
        var shadows: [Shadow]
    }

    /// Count increments of one bucket (`feature_buckets`, added to what is stored).
    struct Bucket: Sendable, Equatable {
        var shadow: String
        var feature: String
        var bucket: String
        var position: Int
        var lower: Double?
        var upper: Double?
        var sampled: Int
        var disagreements: Int
        var labelFlips: Int
    }

    var intervals: [Interval] = []
    var buckets: [Bucket] = []
    var sampleEvery = 1
    /// The run's kept top disagreements per shadow and kind, replacing what is stored (nil: unchanged).
    var top: [(row: DisagreementRow, seq: Int64)]?
    var run: Int64 = 0

    var isEmpty: Bool { intervals.isEmpty && buckets.isEmpty && top == nil }
}
