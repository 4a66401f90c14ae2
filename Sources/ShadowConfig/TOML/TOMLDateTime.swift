/// Validation of TOML date-times, dates and times, which are kept as the text written.
enum TOMLDateTime {
    /// `YYYY-MM-DD` and nothing else.
    static func isFullDate(_ t: [UInt8]) -> Bool {
        t.count == 10 && looksLikeDateTime(t) && isValid(t)
    }

    /// Whether a token has the shape of a date (`dddd-`) or a time (`dd:`), so it must be one.
    static func looksLikeDateTime(_ t: [UInt8]) -> Bool {
        if t.count >= 5, t[0..<4].allSatisfy(TOMLParser.isDigit), t[4] == UInt8(ascii: "-") { return true }
        return t.count >= 3 && TOMLParser.isDigit(t[0]) && TOMLParser.isDigit(t[1]) && t[2] == UInt8(ascii: ":")
    }

    /// An offset or local date-time, a local date, or a local time (RFC 3339 with TOML's relaxations).
    static func isValid(_ t: [UInt8]) -> Bool {
        var reader = Reader(bytes: t)
        if t.count >= 3, t[2] == UInt8(ascii: ":") { return reader.time() && reader.atEnd }
        guard let year = reader.number(4), reader.take("-"), let month = reader.number(2), reader.take("-"),
              let day = reader.number(2), (1...12).contains(month), day >= 1,
              day <= daysIn(month: month, year: year)
        else { return false }
        if reader.atEnd { return true }
        guard reader.take("T") || reader.take("t") || reader.take(" "), reader.time() else { return false }
        if reader.atEnd { return true }
        if reader.take("Z") || reader.take("z") { return reader.atEnd }
        guard reader.take("+") || reader.take("-"), let hours = reader.number(2), reader.take(":"),
              let minutes = reader.number(2)
        else { return false }
        return hours <= 23 && minutes <= 59 && reader.atEnd
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var i = 0

        var atEnd: Bool { i == bytes.count }

        mutating func number(_ width: Int) -> Int? {
            guard i + width <= bytes.count else { return nil }
            var value = 0
            for b in bytes[i..<(i + width)] {
                guard TOMLParser.isDigit(b) else { return nil }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
            }
            i += width
            return value
        }

        mutating func take(_ c: Unicode.Scalar) -> Bool {
            guard i < bytes.count, bytes[i] == UInt8(ascii: c) else { return false }
            i += 1
            return true
        }

        /// `HH:MM:SS` with an optional fraction.
        mutating func time() -> Bool {
            guard let h = number(2), take(":"), let m = number(2), take(":"), let s = number(2),
                  h <= 23, m <= 59, s <= 60
            else { return false }
            if take(".") {
                let begin = i
                while i < bytes.count, TOMLParser.isDigit(bytes[i]) { i += 1 }
                return i > begin
            }
            return true
        }
    }
}
