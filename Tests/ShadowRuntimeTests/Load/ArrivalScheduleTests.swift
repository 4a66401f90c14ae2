import ShadowConfig
import Testing
@testable import ShadowRuntime

@Suite struct ArrivalScheduleTests {
    func offsets(_ profile: LoadSettings.Profile, _ n: Int, times: [Double?] = []) -> [Double] {
        var schedule = ArrivalSchedule(profile)
        return (0..<n).map { i in Double(schedule.next(epochMs: i < times.count ? times[i] : nil)) / 1e9 }
    }

    @Test func constantSpacesRequestsEvenly() {
        let o = offsets(.constant(rate: 500), 1001)
        #expect(o[0] == 0)
        #expect(abs(o[1000] - 2.0) < 1e-9)
        #expect(abs(o[1] - 0.002) < 1e-9)
    }

    @Test func rampIntegratesTheRate() {
        // 100 → 300 req/s over 10 s sends (100 + 300) / 2 × 10 = 2000 requests in the ramp, then 300/s.
        let o = offsets(.ramp(from: 100, to: 300, overSeconds: 10), 2301)
        #expect(abs(o[2000] - 10) < 1e-6)
        #expect(abs(o[2300] - 11) < 1e-6)
        // Early gaps are 1/100 s, late ones near 1/300 s.
        #expect(abs((o[1] - o[0]) - 0.01) < 2e-4)
        #expect(abs((o[2000] - o[1999]) - 1.0 / 300) < 1e-4)
        // From zero.
        let z = offsets(.ramp(from: 0, to: 200, overSeconds: 2), 201)
        #expect(abs(z[200] - 2) < 1e-6)
    }

    @Test func stepsHoldEachRateThenTheLast() {
        let o = offsets(.steps([.init(rate: 10, seconds: 1), .init(rate: 100, seconds: 1)]), 131)
        #expect(abs(o[10] - 1) < 1e-9)
        #expect(abs(o[110] - 2) < 1e-9)
        #expect(abs(o[130] - 2.2) < 1e-9)
    }

    @Test func poissonIsSeededWithTheRightMean() {
        let a = offsets(.poisson(rate: 1000, seed: 7), 20001)
        let b = offsets(.poisson(rate: 1000, seed: 7), 20001)
        let c = offsets(.poisson(rate: 1000, seed: 8), 20001)
        #expect(a == b)
        #expect(a != c)
        #expect(abs(a[20000] / 20000 - 0.001) < 0.00005)   // mean gap within 5%
        #expect(zip(a, a.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func recordedDividesGapsCapsThemAndNeverRewinds() {
        let t0 = 1_700_000_000_000.0
        let times: [Double?] = [t0, t0 + 1000, t0 + 500, t0 + 2000, nil, t0 + 60_000]
        let o = offsets(.recorded(speed: 4, maxGapSeconds: 5), times.count, times: times)
        #expect(o[0] == 0)
        #expect(abs(o[1] - 0.25) < 1e-9)
        #expect(abs(o[2] - 0.25) < 1e-9)   // earlier than one already sent: no gap
        #expect(abs(o[3] - 0.5) < 1e-9)    // 1 s after the latest (t0 + 1000), ÷ 4
        #expect(abs(o[4] - 0.5) < 1e-9)    // no time: no gap
        #expect(abs(o[5] - 1.75) < 1e-9)   // a 58 s pause cut to 5 s, ÷ 4
    }

    @Test func logBucketsStayWithinOnePercent() {
        var v: UInt64 = 1
        while v < 3_600_000_000_000 {
            let back = LogBuckets.value(LogBuckets.index(v))
            #expect(abs(back - Double(v)) / Double(v) <= 0.008, "value \(v)")
            v = v * 3 / 2 + 1
        }
        #expect(LogBuckets.index(1000) < LogBuckets.index(1010))
    }
}
