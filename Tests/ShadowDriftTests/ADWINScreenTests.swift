import Foundation
import Testing
@testable import ShadowDrift

/// The fast ADWIN (batched bucket rows, cut screen, cached row summaries) against ADWINReference, a plain port of
/// River's algorithm, over random streams and parameters, plus the screen's soundness checked directly.
@Suite struct ADWINScreenTests {
    /// SplitMix64, for reproducible streams.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / 9_007_199_254_740_992.0 }
    }

    /// A stream of one of several shapes, with abrupt changes of its level every few thousand samples.
    static func stream(kind: Int, count: Int, rng: inout Random) -> [Double] {
        var p = rng.unit() * 0.5, mu = rng.unit() * 4 - 2
        return (0..<count).map { i in
            if rng.next() % 2500 == 0 { p = rng.unit(); mu = rng.unit() * 10 - 5 }
            switch kind {
            case 0: return rng.unit() < p ? 1 : 0                                   // error indicator
            case 1: return mu + (rng.unit() - 0.5) * 3                              // level shifts
            case 2: return (rng.unit() < p ? 1e6 : -1e6) + rng.unit()               // cancellation
            case 3: return i % 97 == 0 ? 1 : 0                                      // periodic spikes
            case 4: return Double(rng.next() % 5) * 0.1 + (i > count / 2 ? 0.3 : 0) // one step
            case 5: return i < count / 3 ? 0.1 : 0.7                                // constant, then a jump
            default: return rng.unit() < 0.5 ? mu : mu * 0.9
            }
        }
    }

    struct Case: CustomStringConvertible {
        var seed: UInt64, kind: Int, count: Int
        var delta: Double, clock: Int, maxBuckets: Int, minWindow: Int, grace: Int, reset: Bool
        var description: String {
            "seed \(seed) kind \(kind) δ \(delta) clock \(clock) buckets \(maxBuckets) min \(minWindow) "
                + "grace \(grace) reset \(reset)"
        }
    }

    /// Parameters cycle through River's defaults and the edges: clock 1 and clocks past the 64-sample batch,
    /// min window 0 and 1 (outside the screen's bounds, and its smallest case), δ so large that
    /// log(2·log W/δ) ≤ 0 for small windows, and no reset after a detection (deletions of the oldest bucket).
    static let cases: [Case] = (0..<84).map { i in
        Case(seed: UInt64(i) &* 7919 &+ 1, kind: i % 7, count: 1200 + (i * 337) % 1800,
             delta: [0.002, 0.002, 0.05, 1e-5, 5][i % 5], clock: [32, 1, 5, 64, 100, 32][i % 6],
             maxBuckets: [5, 2, 3, 9][i % 4], minWindow: [5, 1, 0, 10, 5, 3][(i / 2) % 6],
             grace: [10, 0, 50][i % 3], reset: i % 4 != 3)
    }

    @Test func detectsWhereThePlainPortDetects() {
        var detections = 0
        for c in Self.cases {
            var rng = Random(state: c.seed)
            let values = Self.stream(kind: c.kind, count: c.count, rng: &rng)
            var fast = ADWIN(delta: c.delta, clock: c.clock, maxBuckets: c.maxBuckets, minWindowLength: c.minWindow,
                             gracePeriod: c.grace, resetOnDrift: c.reset)
            var plain = ADWINReference(delta: c.delta, clock: c.clock, maxBuckets: c.maxBuckets,
                                       minWindowLength: c.minWindow, gracePeriod: c.grace, resetOnDrift: c.reset)
            var fastHits: [Int] = [], plainHits: [Int] = []
            var sameStatistics = true
            for (i, x) in values.enumerated() {
                if fast.update(x) == .drift { fastHits.append(i) }
                if plain.update(x) { plainHits.append(i) }
                sameStatistics = sameStatistics && fast.windowLength == Int(plain.width)
                    && fast.estimation == (plain.width > 0 ? plain.total / plain.width : 0)
                    && fast.windowVariance == (plain.width > 0 ? plain.variance / plain.width : 0)
            }
            #expect(fastHits == plainHits, "\(c)")
            #expect(sameStatistics, "\(c)")
            let rows = plain.rows.map { $0.flatMap { [$0.total, $0.variance] } }.reduce([], +)
            #expect(fast.flushed.liveCells == rows, "\(c)")
            detections += fastHits.count
        }
        #expect(detections > 100)
    }

    /// Whenever the screen says no cut can fire, River's plain loop finds none; the screened search agrees with
    /// the plain loop everywhere. Checked mid-stream on copies, so cached summaries from real histories are used.
    @Test func screenNeverHidesACut() {
        var proven = 0, cutsFound = 0
        for c in Self.cases where c.minWindow >= 1 {
            var rng = Random(state: c.seed &+ 17)
            let values = Self.stream(kind: c.kind, count: c.count, rng: &rng)
            var fast = ADWIN(delta: c.delta, clock: c.clock, maxBuckets: c.maxBuckets, minWindowLength: c.minWindow,
                             gracePeriod: c.grace, resetOnDrift: c.reset)
            for (i, x) in values.enumerated() {
                _ = fast.update(x)
                guard i % 61 == 60, fast.windowLength > 1 else { continue }
                var screened = fast.flushed
                let noCut = screened.noCutCanFire()
                var exact = fast.flushed
                let plainCut = exact.plainScan()
                #expect(!(noCut && plainCut), "\(c) at \(i)")
                #expect(exact.scanForCut() == plainCut, "\(c) at \(i)")
                if noCut { proven += 1 }
                if plainCut { cutsFound += 1 }
            }
        }
        #expect(proven > 500)
        #expect(cutsFound > 10)
    }

    @Test func stationaryErrorStreamIsScreenedOut() {
        var d = ADWIN()
        var rng = Random(state: 42)
        for _ in 0..<200_000 { _ = d.update(rng.unit() < 0.2 ? 1 : 0) }
        var screened = 0, checks = 0
        for _ in 0..<50 {
            for _ in 0..<32 { _ = d.update(rng.unit() < 0.2 ? 1 : 0) }
            var copy = d.flushed
            checks += 1
            if copy.noCutCanFire() { screened += 1 }
        }
        #expect(screened >= checks - 2)
    }

    @Test func pendingSamplesSurviveCodableAndEquality() throws {
        var live = ADWIN(clock: 100)
        var rng = Random(state: 5)
        for i in 0..<5_017 { _ = live.update(i < 3_000 ? 0 : (rng.unit() < 0.6 ? 1 : 0)) }
        #expect(live.pendingCount > 0)
        let data = try JSONEncoder().encode(live)
        var restored = try JSONDecoder().decode(ADWIN.self, from: data)
        #expect(restored == live)
        #expect(restored.hashValue == live.hashValue)
        var a: [DetectorSignal] = [], b: [DetectorSignal] = []
        for _ in 0..<4_000 {
            let x: Double = rng.unit() < 0.1 ? 1 : 0
            a.append(live.update(x))
            b.append(restored.update(x))
        }
        #expect(a == b)
        #expect(live == restored)
    }
}
