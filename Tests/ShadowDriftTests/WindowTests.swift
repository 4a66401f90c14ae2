import Testing
@testable import ShadowDrift

/// Windows, sketches and references: mergeability, bounds, calendar keys.
@Suite struct WindowTests {
    static func values(_ n: Int, seed: UInt64) -> [Double] {
        DetectorThroughputTests.stream(count: n, p: 0.5, seed: seed).enumerated().map { Double($0.offset % 97) * 0.1 + $0.element }
    }

    @Test func summariesMergeExactly() {
        let bins = HistogramBins.inner([1, 2, 5])
        let a = Self.values(700, seed: 1), b = Self.values(300, seed: 2)
        var left = NumericSummary(bins: bins), right = NumericSummary(bins: bins), whole = NumericSummary(bins: bins)
        a.forEach { left.add($0); whole.add($0) }
        b.forEach { right.add($0); whole.add($0) }
        left.merge(right)
        #expect(left.count == whole.count && left.binCounts == whole.binCounts)
        #expect(abs(left.mean - whole.mean) < 1e-12 && abs(left.standardDeviation - whole.standardDeviation) < 1e-12)
        #expect(abs(left.standardDeviation - Moments.standardDeviation(a + b)) < 1e-12)
        #expect(left.sample.isExact && left.sample.values.sorted() == (a + b).sorted())
        #expect(left.minimum == (a + b).min() && left.maximum == (a + b).max())
    }

    @Test func reservoirStaysBoundedAndStatesItsError() {
        var r = ReservoirSample(capacity: 1000)
        for x in Self.values(50_000, seed: 3) { r.add(x) }
        #expect(r.values.count == 1000 && !r.isExact)
        let bound = r.ksErrorBound(confidence: 0.95)
        #expect(abs(bound - 0.04294694) < 1e-6)
        let full = Self.values(50_000, seed: 3)
        #expect(KolmogorovSmirnov.test(r.values, full).statistic <= bound)
        var m = ReservoirSample(capacity: 1000)
        m.merge(r)
        m.merge(r)
        #expect(m.values.count == 1000 && m.seen == 100_000)
    }

    @Test func slidingCountWindowKeepsTheLastValuesInOrder() {
        var w = SlidingCountWindow(capacity: 4)
        (1...6).forEach { w.add(Double($0)) }
        #expect(w.values == [3, 4, 5, 6] && w.isFull && w.seen == 6)
    }

    @Test func timeWindowDropsExpiredSlots() {
        var w = TimeWindow(lengthMs: 60_000, slots: 6)
        for second in 0..<120 { w.add(Double(second), atMs: Double(second) * 1000) }
        let s = w.summary(atMs: 119_000)
        #expect(s.count == 60 && s.minimum == 60 && s.maximum == 119)
    }

    @Test func seasonalReferenceComparesTheSameHourADayEarlier() {
        var r = SeasonalReference(lag: .day)
        let hourMs = 3_600_000.0
        // Two days of a daily cycle: the value depends only on the hour of day.
        for h in 0..<48 { for k in 0..<10 { r.add(Double(h % 24) + Double(k) * 0.01, atMs: (Double(h) + Double(k) / 10) * hourMs) } }
        let now = 47.5 * hourMs
        let cur = r.current(atMs: now)!, ref = r.reference(atMs: now)!
        #expect(cur.sample.values.sorted() == ref.sample.values.sorted())
        #expect(KolmogorovSmirnov.test(ref.sample.values, cur.sample.values).pValue == 1)
        #expect(r.reference(atMs: 10 * hourMs) == nil)
        #expect(SeasonalReference.hour(ofMs: 1_704_067_200_000) == 473_352)  // 2024-01-01T00:00Z
    }

    @Test func profileRoundTripsAndKeepsQuantileBins() throws {
        let x = Self.values(5000, seed: 4)
        let p = FeatureProfile.build(numeric: [("x0", x)], categorical: [("c0", ["a", "b", "a"])])
        let back = try JSONDecoderShim.roundTrip(p)
        #expect(back == p)
        let f = try #require(back.feature("x0")?.numeric)
        #expect(f.count == 5000 && f.binCounts.reduce(0, +) == 5000)
        if case .inner(let edges) = f.bins { #expect(edges == Quantiles.innerEdges(sorted: x.sorted(), bins: 10)) }
        #expect(back.feature("c0")?.categories?.counts == ["a": 2, "b": 1])
    }

    @Test func driftStatisticsNameTheirDirection() {
        let ref = Self.values(400, seed: 5), cur = Self.values(400, seed: 6).map { $0 + 2 }
        #expect(DriftStatistic.ksPValue(.auto).direction == .atMost)
        #expect(DriftStatistic.ksPValue(.auto).compute(reference: ref, current: cur) < 1e-6)
        #expect(DriftStatistic.psi(.sturges).compute(reference: ref, current: ref) == 0)
        #expect(PSIBinning(configName: "quantile") == .deciles && PSIBinning(configName: "bogus") == nil)
    }
}
