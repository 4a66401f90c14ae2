/// Formats epoch milliseconds as ISO-8601 UTC with milliseconds (`2025-03-03T00:01:45.605Z`) without Foundation.
public enum ISO8601Millis {
    /// Earliest and latest instants that format as four-digit years (0000-01-01 … 9999-12-31).
    static let validRange: ClosedRange<Double> = -62_167_219_200_000 ... 253_402_300_799_999

    /// The formatted instant, or nil when `epochMs` is not finite or outside years 0…9999.
    public static func string(epochMs: Double) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        guard append(epochMs: epochMs, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the 24 bytes of the formatted instant; returns false (appending nothing) when it cannot be formatted.
    @discardableResult
    static func append(epochMs: Double, to bytes: inout [UInt8]) -> Bool {
        guard epochMs.isFinite, validRange.contains(epochMs) else { return false }
        let ms = Int64(epochMs.rounded())
        let days = floorDiv(ms, 86_400_000)
        let msOfDay = ms - days * 86_400_000
        let (year, month, day) = civil(fromDays: days)
        let second = msOfDay / 1000
        digits(year, 4, &bytes); bytes.append(UInt8(ascii: "-"))
        digits(month, 2, &bytes); bytes.append(UInt8(ascii: "-"))
        digits(day, 2, &bytes); bytes.append(UInt8(ascii: "T"))
        digits(second / 3600, 2, &bytes); bytes.append(UInt8(ascii: ":"))
        digits(second / 60 % 60, 2, &bytes); bytes.append(UInt8(ascii: ":"))
        digits(second % 60, 2, &bytes); bytes.append(UInt8(ascii: "."))
        digits(msOfDay % 1000, 3, &bytes); bytes.append(UInt8(ascii: "Z"))
        return true
    }

    /// Year, month (1…12) and day (1…31) of a day count since 1970-01-01 (Howard Hinnant's civil_from_days).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    @inline(__always)
    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    @inline(__always)
    private static func digits(_ value: Int64, _ width: Int, _ bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: 48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
