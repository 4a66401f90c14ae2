import ShadowCore
import Testing
@testable import ShadowMetrics

/// Counting committed batches: records, rejects, requests, errors, disagreements, bounded model labels, lag.
@Suite struct ReplayCountersTests {
    @Test func batchesAddUp() {
        var counters = ReplayCounters()
        counters.add(TestBatches.batch(models: ["c", "s"], latencies: [1_000, 2_000, 3_000],
                                       errors: ["s": [1: .timeout]], disagreements: [("s", .labelFlip)],
                                       rejects: [.badTimestamp]))
        counters.add(TestBatches.batch(models: ["c", "s"], latencies: [4_000, 5_000],
                                       errors: ["s": [0: .timeout, 1: .failed]], firstMs: nil))
        #expect(counters.records == 5)
        #expect(counters.rejects == [.badTimestamp: 1])
        #expect(counters.models["c"]?.requests == 5 && counters.models["s"]?.requests == 5)
        #expect(counters.models["c"]?.errors == [:])
        #expect(counters.models["s"]?.errors == [.timeout: 2, .failed: 1])
        #expect(counters.models["s"]?.latency.count == 5)
        #expect(counters.models["s"]?.latency.sumNanos == 15_000)
        #expect(counters.disagreements == ["s": [.labelFlip: 1]])
        #expect(counters.newestRecordMs == 1_741_000_002_000)   // the record-less-time batch leaves it
    }

    @Test func aShadowWithoutDisagreementsStillHasItsSeries() {
        var counters = ReplayCounters()
        counters.add(TestBatches.batch(models: ["c", "quiet"], latencies: [1]))
        let family = counters.families(nowMs: 0).first { $0.name == "shadowd_disagreements_total" }
        #expect(family?.samples.map(\.value) == [0, 0, 0])
        #expect(family?.samples.map { $0.labels[1].value } == ["label_flip", "score_delta", "shadow_error"])
    }

    @Test func modelLabelsStayBounded() {
        var counters = ReplayCounters()
        for i in 0..<(ReplayCounters.maxModels + 10) {
            counters.add(TestBatches.batch(models: ["m\(i)", "s\(i)"], latencies: [1],
                                           disagreements: [("s\(i)", .scoreDelta)]))
        }
        #expect(counters.models.count == ReplayCounters.maxModels + 1)
        #expect(counters.models[ReplayCounters.otherModel]?.requests == UInt64(2 * (ReplayCounters.maxModels + 10)
                                                                                  - ReplayCounters.maxModels))
        #expect(counters.disagreements.count == ReplayCounters.maxModels + 1)
        #expect(counters.disagreements[ReplayCounters.otherModel]?[.scoreDelta] == 10)
        #expect(counters.models.values.reduce(0) { $0 + $1.requests } == UInt64(2 * (ReplayCounters.maxModels + 10)))
    }

    @Test func kindIndicesFollowAllCases() {
        for (index, kind) in DisagreementKind.allCases.enumerated() {
            #expect(ReplayCounters.kindIndex(kind) == index)
        }
    }

    @Test func rowsOfAnUnnamedShadowAreCountedByName() {
        var counters = ReplayCounters()
        counters.add(TestBatches.batch(models: ["c", "s"], latencies: [1],
                                       disagreements: [("s", .scoreDelta), ("ghost", .labelFlip), ("s", .scoreDelta)]))
        #expect(counters.disagreements == ["s": [.scoreDelta: 2], "ghost": [.labelFlip: 1]])
    }

    @Test func lagIsNowMinusTheNewestRecordTime() {
        var counters = ReplayCounters()
        #expect(!counters.families(nowMs: 5).contains { $0.name == "shadowd_replay_lag_seconds" })
        counters.add(TestBatches.batch(models: ["c"], latencies: [1, 1], firstMs: 10_000))
        let families = counters.families(nowMs: 71_000)
        #expect(families.first { $0.name == "shadowd_replay_lag_seconds" }?.samples == [MetricSample(value: 60)])
        #expect(families.first { $0.name == "shadowd_last_record_timestamp_seconds" }?.samples == [MetricSample(value: 11)])
        let early = counters.families(nowMs: 0).first { $0.name == "shadowd_replay_lag_seconds" }
        #expect(early?.samples == [MetricSample(value: 0)])
    }
}
