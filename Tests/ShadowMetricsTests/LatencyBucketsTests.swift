import Testing
@testable import ShadowMetrics

/// Fixed latency buckets: inclusive upper bounds, the +Inf bucket, and batch recording.
@Suite struct LatencyBucketsTests {
    @Test func boundsAreAscendingFromOneMicrosecondToTenSeconds() {
        let bounds = LatencyBuckets.boundsNanos
        #expect(bounds.first == 1_000 && bounds.last == 10_000_000_000)
        #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0 < $1 })
        #expect(LatencyBuckets.boundsSeconds[9] == 0.001)
        #expect(LatencyBuckets.count == bounds.count + 1)
    }

    @Test func anObservationFallsInTheFirstBucketItDoesNotExceed() {
        #expect(LatencyBuckets.index(ofNanos: 0) == 0)
        #expect(LatencyBuckets.index(ofNanos: 1_000) == 0)
        #expect(LatencyBuckets.index(ofNanos: 1_001) == 1)
        #expect(LatencyBuckets.index(ofNanos: 2_500) == 1)
        #expect(LatencyBuckets.index(ofNanos: 999_999) == 9)
        #expect(LatencyBuckets.index(ofNanos: 1_000_000) == 9)
        #expect(LatencyBuckets.index(ofNanos: 10_000_000_000) == 21)
        #expect(LatencyBuckets.index(ofNanos: 10_000_000_001) == 22)
        #expect(LatencyBuckets.index(ofNanos: .max) == 22)
    }

    @Test func everyBoundAgreesWithALinearScan() {
        for (i, bound) in LatencyBuckets.boundsNanos.enumerated() {
            for nanos in [bound - 1, bound, bound + 1] {
                let linear = LatencyBuckets.boundsNanos.firstIndex { nanos <= $0 } ?? LatencyBuckets.boundsNanos.count
                #expect(LatencyBuckets.index(ofNanos: nanos) == linear, "\(nanos) near bound \(i)")
            }
        }
    }

    @Test func batchRecordingEqualsOneByOne() {
        let latencies: [UInt64] = (0..<500).map { UInt64($0) * 7_919 * UInt64($0 % 13 + 1) * 1_000 }
        var single = LatencyHistogram()
        for nanos in latencies { single.record(nanos: nanos) }
        var batch = LatencyHistogram()
        batch.record(latencies)
        #expect(single == batch)
        #expect(batch.count == 500)
        #expect(batch.sumNanos == latencies.reduce(0, +))
    }
}
