/// ISO-8601 / RFC 3339 date-times parsed by hand into Unix epoch milliseconds.
///
/// Accepted: `YYYY-MM-DD` then `T`, `t` or a space, `hh:mm`, optional `:ss`, optional fraction (`.` or `,`,
/// any number of digits), then `Z`/`z`, `±hh:mm`, `±hhmm`, `±hh`, or nothing (read as UTC).
/// Fields are range-checked (day within its month, leap years included; second 60 allowed for leap seconds).
enum ISO8601 {
    /// Milliseconds since the Unix epoch, or nil when `text` is not such a date-time.
    static func epochMilliseconds(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let p = text.baseAddress else { return nil }
        var cursor = Cursor(p: p, n: text.count)
        return parse(&cursor)
    }

    /// A read position in the text.
    private struct Cursor {
        let p: UnsafePointer<UInt8>
        let n: Int
        var i = 0

        /// The value of the next `count` digits, or nil.
        @inline(__always)
        mutating func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var value = 0
            for k in 0..<count {
                let d = p[i + k] &- 48
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
            }
            i += count
            return value
        }

        /// Consumes `c` if it is next.
        @inline(__always)
        mutating func expect(_ c: UInt8) -> Bool {
            guard i < n, p[i] == c else { return false }
            i += 1
            return true
        }
    }

    private static func parse(_ c: inout Cursor) -> Double? {
        let p = c.p
        let n = c.n
        guard let year = c.digits(4), c.expect(UInt8(ascii: "-")), let month = c.digits(2),
              c.expect(UInt8(ascii: "-")), let day = c.digits(2) else { return nil }
        guard month >= 1 && month <= 12, day >= 1 && day <= daysInMonth(month, year: year) else { return nil }
        guard c.i < n, p[c.i] == UInt8(ascii: "T") || p[c.i] == UInt8(ascii: "t") || p[c.i] == UInt8(ascii: " ") else {
            return nil
        }
        c.i += 1
        guard let hour = c.digits(2), c.expect(UInt8(ascii: ":")), let minute = c.digits(2),
              hour <= 23, minute <= 59 else { return nil }
        var second = 0
        var fractionMs = 0.0
        if c.expect(UInt8(ascii: ":")) {
            guard let s = c.digits(2), s <= 60 else { return nil }
            second = s
            if c.i < n && (p[c.i] == UInt8(ascii: ".") || p[c.i] == UInt8(ascii: ",")) {
                c.i += 1
                var numerator: UInt64 = 0
                var scale = 1.0
                let first = c.i
                while c.i < n, p[c.i] &- 48 < 10 {
                    if c.i - first < 18 {
                        numerator = numerator * 10 + UInt64(p[c.i] &- 48)
                        scale *= 10
                    }
                    c.i += 1
                }
                guard c.i > first else { return nil }
                fractionMs = Double(numerator) * 1000 / scale
            }
        }
        var offsetMinutes = 0
        if c.i < n {
            switch p[c.i] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                c.i += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = p[c.i] == UInt8(ascii: "-") ? -1 : 1
                c.i += 1
                guard let oh = c.digits(2), oh <= 23 else { return nil }
                var om = 0
                if c.i < n {
                    _ = c.expect(UInt8(ascii: ":"))
                    guard let m = c.digits(2), m <= 59 else { return nil }
                    om = m
                }
                offsetMinutes = sign * (oh * 60 + om)
            default:
                return nil
            }
        }
        guard c.i == n else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60 + second
        return Double(seconds) * 1000 + fractionMs
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
