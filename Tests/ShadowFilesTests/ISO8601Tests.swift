import Testing
@testable import ShadowFiles

/// Hand-written ISO-8601 parsing against known epoch values.
@Suite struct ISO8601Tests {
    static func ms(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { ISO8601.epochMilliseconds($0) }
    }

    @Test("valid date-times", arguments: [
        ("2025-03-03T00:01:45.605Z", 1_740_960_105_605.0),
        ("2025-03-03T02:01:45.605+02:00", 1_740_960_105_605),
        ("2025-03-02T19:01:45.605-05:00", 1_740_960_105_605),
        ("2025-03-03T05:31:45.605+0530", 1_740_960_105_605),
        ("2025-03-03t00:01:45.605z", 1_740_960_105_605),
        ("2025-03-03 00:01:45.605", 1_740_960_105_605),
        ("2025-03-03T00:01:45,605Z", 1_740_960_105_605),
        ("2025-03-03T00:01:45.605123Z", 1_740_960_105_605.123),
        ("2025-03-03T00:01Z", 1_740_960_060_000),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59.5Z", -500),
        ("2024-02-29T12:00:00Z", 1_709_208_000_000),
        ("2000-01-01T00:00:00+01", 946_681_200_000),
    ])
    func valid(text: String, expected: Double) throws {
        let value = try #require(Self.ms(text))
        #expect(abs(value - expected) < 1e-3)
    }

    @Test("invalid date-times", arguments: [
        "2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-03-03", "2025-03-03T24:00:00Z",
        "2025-03-03T00:60:00Z", "2025-03-03T00:00:00.Z", "2025-03-03T00:00:00+2", "2025-3-3T00:00:00Z",
        "2025-03-03T00:00:00Zjunk", "", "yesterday",
    ])
    func invalid(text: String) {
        #expect(Self.ms(text) == nil)
    }
}
