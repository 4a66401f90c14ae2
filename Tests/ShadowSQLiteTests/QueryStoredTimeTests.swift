import Testing
@testable import ShadowSQLite

@Suite struct QueryStoredTimeTests {
    @Test func readsWhatISO8601MillisWrites() {
        for ms in [0.0, 1_740_960_105_605, -86_400_000, 1_700_000_000_999, 253_402_300_799_999] {
            let text = ISO8601Millis.string(epochMs: ms)!
            #expect(StoredTime.epochMs(text) == ms, "\(text)")
        }
        #expect(StoredTime.epochMs("2025-03-03T00:01:45Z") == 1_740_960_105_000)
        #expect(StoredTime.epochMs("2025-03-03T00:01:45.6Z") == 1_740_960_105_600)
    }

    @Test func refusesOtherText() {
        for text in ["", "2025-03-03", "2025-03-03T00:01:45.605", "2025-13-03T00:01:45Z", "2025-03-03T00:01:45.6050Z",
                     "2025-03-03 00:01:45Z", "20x5-03-03T00:01:45Z"] {
            #expect(StoredTime.epochMs(text) == nil, "\(text)")
        }
    }
}
