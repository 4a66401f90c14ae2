import Testing
@testable import ShadowDaemon

@Suite struct StatusLineTests {
    @Test(arguments: [(0.4, "0 s"), (42, "42 s"), (720, "12 min"), (7200, "2 h"), (200_000, "2 d")])
    func durationsReadNaturally(seconds: Double, text: String) {
        #expect(StatusLine.duration(seconds) == text)
    }

    @Test func rateIsTakenOverTheLastTenSeconds() {
        var meter = RateMeter()
        meter.add(records: 0, at: 0)
        meter.add(records: 5_000, at: 5_000_000_000)
        #expect(meter.perSecond == 1000)
        meter.add(records: 30_000, at: 15_000_000_000)   // the first sample falls out of the window
        #expect(meter.perSecond == 2500)
    }

    @Test func halfOfAWatchdogIntervalInNanoseconds() {
        #expect(Supervisor.halfNanos(.seconds(10)) == 5_000_000_000)
        #expect(Supervisor.halfNanos(.milliseconds(3)) == 1_500_000)
    }
}
