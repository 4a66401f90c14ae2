import ShadowCore
import Testing
@testable import ShadowReport

@Suite struct HDRHistogramDecoderTests {
    /// A recorder with a long tail: 10,000 values from 50 µs to ~2 s.
    static func recorder() -> LatencyRecorder {
        var r = LatencyRecorder()
        var x: UInt64 = 88_172_645_463_325_252
        for i in 0..<10_000 {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            let base: UInt64 = 50_000 + x % 2_000_000
            r.record(nanos: i % 1000 == 0 ? base * 1000 : base)
        }
        return r
    }

    @Test func decodesWhatLatencyRecorderEncodes() throws {
        let r = Self.recorder()
        let h = try HDRHistogramDecoder.decode(r.encodedHistogram())
        #expect(h.totalCount == 10_000)
        // Equal within the histogram's resolution (3 significant digits: one sub-bucket); the encoding keeps buckets,
        // not the exact smallest and largest values.
        for p in [0.0, 50, 90, 99, 99.9, 99.99, 100] {
            let decoded = Double(h.valueAtPercentile(p)) / 1e6
            let original = r.milliseconds(atPercentile: p)
            #expect(abs(decoded - original) <= original * 1e-3, "p\(p): \(decoded) vs \(original)")
        }
        #expect(h.valueAtPercentile(50) == r.histogram.valueAtPercentile(50))
        #expect(h.valuesAreEquivalent(h.max, r.histogram.max))
    }

    @Test func curveIsMonotoneAndEndsAtTheMaximum() throws {
        let r = Self.recorder()
        let curve = PercentileCurve(histogram: try HDRHistogramDecoder.decode(r.encodedHistogram()))
        #expect(curve.count == 10_000)
        #expect(curve.points.count > 20)
        #expect(zip(curve.points, curve.points.dropFirst()).allSatisfy {
            $0.percentile < $1.percentile && $0.milliseconds <= $1.milliseconds
        })
        #expect(curve.points.last?.percentile == 100)
        let p99 = try #require(curve.milliseconds(atPercentile: 99))
        #expect(abs(p99 - r.milliseconds(atPercentile: 99)) <= r.milliseconds(atPercentile: 99) * 1e-3)
    }

    @Test func emptyHistogramHasNoPoints() throws {
        let h = try HDRHistogramDecoder.decode(LatencyRecorder().encodedHistogram())
        #expect(h.totalCount == 0)
        #expect(PercentileCurve(histogram: h).points.isEmpty)
    }

    @Test func rejectsWhatIsNotAHistogram() {
        #expect(throws: HDRDecodingError.notBase64) { try HDRHistogramDecoder.decode("not base64!") }
        #expect(throws: HDRDecodingError.badCookie(0x0102_0304)) { try HDRHistogramDecoder.decode("AQIDBAUGBwg=") }
        #expect(throws: HDRDecodingError.truncated) { try HDRHistogramDecoder.decode("AQID") }
        // A compressed cookie whose payload is not zlib.
        #expect(throws: HDRDecodingError.self) { try HDRHistogramDecoder.decode("HIST FAAAAAQAAAAAAAAA".replacingSpaces()) }
    }

    @Test func layoutMatchesHdrHistogram() {
        let layout = HDRLayout(significantDigits: 3)
        #expect(layout.subBucketHalfCountMagnitude == 10)
        #expect(layout.value(atIndex: 0) == 0)
        #expect(layout.value(atIndex: 2047) == 2047)
        #expect(layout.value(atIndex: 2048) == 2048)
        #expect(layout.value(atIndex: 2049) == 2050)
        #expect(layout.value(atIndex: 3072) == 4096)
    }
}

extension String {
    func replacingSpaces() -> String { String(filter { $0 != " " }) }
}
