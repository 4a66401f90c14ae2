import Testing
@testable import ShadowRuntime

@Suite struct LatencyVerdictTests {
    /// Intervals of latencies spread around `base` ms, with a varying load level per interval.
    func intervals(base: Double, scale: Double, count: Int, seed: UInt64) -> [[(bucket: Int, count: UInt32)]] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { k in
            var h: [Int: UInt32] = [:]
            let level = 1 + Double(k % 5) * 0.05
            for _ in 0..<200 {
                let u = Double(rng.next() >> 11) * 0x1p-53
                let nanos = UInt64(base * scale * level * (0.8 + 0.4 * u) * 1e6)
                h[LogBuckets.index(nanos), default: 0] += 1
            }
            return h.sorted { $0.key < $1.key }.map { (bucket: $0.key, count: $0.value) }
        }
    }

    @Test func aSlowerShadowIsSlowerWithAnIntervalAroundTheRatio() {
        let champion = intervals(base: 5, scale: 1, count: 40, seed: 1)
        let shadow = intervals(base: 5, scale: 1.2, count: 40, seed: 2)
        let v = VerdictBootstrap(resamples: 400, seed: 3).verdicts(
            shadow: "b", champion: "a", percentiles: [50, 99], points: [1.2, 1.2],
            championIntervals: champion, shadowIntervals: shadow)
        #expect(v.count == 2)
        for verdict in v {
            let low = try! #require(verdict.low), high = try! #require(verdict.high)
            #expect(low > 1.1 && high < 1.3 && low < high, "\(verdict)")
            #expect(verdict.verdict == "slower")
            #expect(verdict.intervals == 40)
        }
        #expect(v[1].sentence.hasPrefix("b at p99: 20.0% slower than a (±"))
        #expect(v[1].sentence.hasSuffix(": significant"))
    }

    @Test func equalModelsAreTheSame() {
        let champion = intervals(base: 5, scale: 1, count: 30, seed: 4)
        let shadow = intervals(base: 5, scale: 1, count: 30, seed: 5)
        let v = VerdictBootstrap(resamples: 400, seed: 3).verdicts(
            shadow: "b", champion: "a", percentiles: [50], points: [1.0],
            championIntervals: champion, shadowIntervals: shadow)
        #expect(v[0].verdict == "same")
        #expect(v[0].low! < 1 && v[0].high! > 1)
    }

    @Test func oneIntervalGivesNoConfidenceInterval() {
        let one = intervals(base: 5, scale: 1, count: 1, seed: 6)
        let v = VerdictBootstrap(resamples: 100, seed: 3).verdicts(
            shadow: "b", champion: "a", percentiles: [50], points: [1.0], championIntervals: one, shadowIntervals: one)
        #expect(v[0].low == nil && v[0].verdict == "same")
        #expect(v[0].sentence.contains("too few intervals"))
    }

    @Test func intervalHistogramsMergePairsPastTheirLimit() {
        var h = IntervalHistograms(models: 1, widthNanos: 1_000, maxIntervals: 4)
        for k in 0..<8 { h.record(model: 0, offsetNanos: UInt64(k) * 1_000 + 10, nanos: 500) }
        #expect(h.widthNanos == 2_000)
        #expect(h.intervals(of: 0).map { $0.reduce(0) { $0 + Int($1.count) } } == [2, 2, 2, 2])
    }
}
