import Testing
@testable import ShadowCore

@Suite struct LatencyRecorderTests {
    /// The same values recorded by Python's `hdrhistogram` 0.10 (HdrHistogram(1, 3600000000000, 3)).encode().
    static let pythonEncoding =
        "HISTFAAAAJB4nJNpmSzMwMB+kQECmKE0I5DpZrBjAYP9B4hAMFM7P9NZfqZeDqan7ExzWZg+MkPRUiam74xY0EpGpmqmSjw4m8kaCG3BJHm0LpM0kywQIkj68/mZeJm4gRgCESzsosNVnp2JFQyZoTQqJF50VP/Q18/MxIgGMQRwQaIV0sLMUctHLR8ZlncfYWQCADEjQKo="

    static func sample() -> LatencyRecorder {
        var recorder = LatencyRecorder()
        for i in 1...1000 { recorder.record(nanos: UInt64(i * 1000 + 7)) }
        recorder.record(nanos: 5_000_000_000)
        recorder.record(nanos: 42)
        return recorder
    }

    @Test func aBatchRecordsRunsOfEqualLatenciesAsEachOne() {
        let latencies: [UInt64] = [900, 900, 900, 0, 0, 1200, 1200, 900, 7_000_000_000_000, 7_000_000_000_000, 900]
        var batch = PredictionBatch(count: latencies.count, width: 1)
        batch.latencyNanos = latencies
        batch.errors[2] = .timeout
        batch.errors[6] = .failed
        var together = LatencyRecorder()
        together.record(batch)
        var oneByOne = LatencyRecorder()
        for (i, nanos) in latencies.enumerated() {
            if batch.errors[i] == nil { oneByOne.record(nanos: nanos) } else { oneByOne.recordError() }
        }
        #expect(together.count == 9)
        #expect(together.errors == 2)
        #expect(together.encodedHistogram() == oneByOne.encodedHistogram())
        #expect(together.maxMilliseconds == oneByOne.maxMilliseconds)
    }

    @Test func encodingMatchesTheReferenceLibrary() {
        #expect(Self.sample().encodedHistogram() == Self.pythonEncoding)
    }

    @Test func percentilesMatchTheReferenceLibrary() {
        let recorder = Self.sample()
        #expect(recorder.count == 1002)
        // hdrh: p50 = 500223 ns, p99 = 991231 ns
        #expect(recorder.milliseconds(atPercentile: 50) == 0.500223)
        #expect(recorder.milliseconds(atPercentile: 99) == 0.991231)
    }

    @Test func countsIndexFollowsTheHdrLayout() {
        #expect(HDREncoding.countsIndex(1) == 1)
        #expect(HDREncoding.countsIndex(2047) == 2047)
        #expect(HDREncoding.countsIndex(2048) == 2048)
        #expect(HDREncoding.countsIndex(4095) == 3071)
        #expect(HDREncoding.countsIndex(4096) == 3072)
    }

    @Test func mergeAddsCountsAndErrors() {
        var a = LatencyRecorder(), b = LatencyRecorder()
        a.record(nanos: 1000)
        b.record(nanos: 3000)
        b.recordError()
        a.merge(b)
        #expect(a.count == 2)
        #expect(a.errors == 1)
        #expect(a.maxMilliseconds >= 0.003 && a.maxMilliseconds < 0.00301)
    }
}
