import Testing
@testable import ShadowSQLite

@Suite struct ISO8601MillisTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (1_740_960_105_605, "2025-03-03T00:01:45.605Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (4_102_444_799_999, "2099-12-31T23:59:59.999Z"),
        (1_709_210_096_000.4, "2024-02-29T12:34:56.000Z"),
        (-62_167_219_200_000, "0000-01-01T00:00:00.000Z"),
    ])
    func formats(epochMs: Double, expected: String) {
        #expect(ISO8601Millis.string(epochMs: epochMs) == expected)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e20, -1e20])
    func refusesInstantsOutsideFourDigitYears(epochMs: Double) {
        var bytes: [UInt8] = [1]
        #expect(ISO8601Millis.string(epochMs: epochMs) == nil)
        #expect(!ISO8601Millis.append(epochMs: epochMs, to: &bytes))
        #expect(bytes == [1])
    }
}
