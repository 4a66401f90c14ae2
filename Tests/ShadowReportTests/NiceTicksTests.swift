import Testing
@testable import ShadowReport

@Suite struct NiceTicksTests {
    @Test func niceNumbers() {
        #expect(NiceTicks.nice(0.074, round: false) == 0.1)
        #expect(NiceTicks.nice(12, round: true) == 10)
        #expect(NiceTicks.nice(3, round: true) == 5)
        #expect(NiceTicks.nice(2.9, round: true) == 2)
        #expect(NiceTicks.nice(7, round: true) == 10)
        #expect(NiceTicks.nice(2, round: false) == 2)
        #expect(NiceTicks.nice(2.01, round: false) == 5)
    }

    @Test func ticksCoverTheData() {
        let t = NiceTicks(lower: 0, upper: 10, count: 5)
        #expect(t.values == [0, 2, 4, 6, 8, 10])
        let small = NiceTicks(lower: 0.013, upper: 0.087, count: 5)
        #expect(small.step == 0.02)
        #expect(small.values == [0, 0.02, 0.04, 0.06, 0.08, 0.1])
        let shifted = NiceTicks(lower: 1234, upper: 5678, count: 5)
        #expect(shifted.lower == 1000 && shifted.upper == 6000 && shifted.step == 1000)
        let negative = NiceTicks(lower: -3.2, upper: 4.1, count: 5)
        #expect(negative.values == [-4, -2, 0, 2, 4, 6])
    }

    @Test func degenerateRangesAreWidened() {
        #expect(NiceTicks(lower: 5, upper: 5).values.count >= 2)
        #expect(NiceTicks(lower: 0, upper: 0).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        let inverted = NiceTicks(lower: 10, upper: 0)
        #expect(inverted.lower == 0 && inverted.upper == 10)
        let nan = NiceTicks(lower: .nan, upper: .infinity)
        #expect(nan.lower == 0 && nan.upper == 1)
    }

    @Test func numberFormats() {
        #expect(NumberFormat.fixed(3.14159, 3) == "3.142")
        #expect(NumberFormat.fixed(0.05, 3) == "0.050")
        #expect(NumberFormat.fixed(-0.0001, 2) == "0.00")
        #expect(NumberFormat.fixed(-2.5, 1) == "-2.5")
        #expect(NumberFormat.fixed(12, 0) == "12")
        #expect(NumberFormat.fixed(.nan, 2) == "-")
        #expect(NumberFormat.short(0.0012345) == "0.001235")
        #expect(NumberFormat.short(1234.5) == "1235")
        #expect(NumberFormat.tick(20000, step: 5000) == "20k")
        #expect(NumberFormat.tick(2_500_000, step: 500_000) == "2.5M")
        #expect(NumberFormat.tick(0.25, step: 0.25) == "0.25")
        #expect(NumberFormat.tick(0.3, step: 0.1) == "0.3")
        #expect(NumberFormat.tick(4, step: 2) == "4")
        #expect(NumberFormat.percent(0.125) == "12.5%")
    }
}
