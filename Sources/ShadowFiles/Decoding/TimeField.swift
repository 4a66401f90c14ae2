import ShadowCore

/// Where a record's time is read and in which unit; converts a found value to epoch milliseconds.
struct TimeField: Sendable {
    /// How the field is named in reasons: `field "/ts"` (JSON) or `column "ts"` (CSV).
    let name: String
    let isColumn: Bool
    let unit: FieldMapping.TimeUnit

    /// A time given as a number; `integerLiteral` holds its digits when it was written as an integer.
    func epochMs(number: Double, integerLiteral: UnsafeBufferPointer<UInt8>?) throws(LineReject) -> Double {
        switch unit {
        case .auto, .ms: return number
        case .s: return number * 1000
        case .us: return Self.exactQuotient(integerLiteral, divisor: 1000) ?? number / 1000
        case .ns: return Self.exactQuotient(integerLiteral, divisor: 1_000_000) ?? number / 1_000_000
        case .iso8601: throw reject(.wrongType, "expected an ISO-8601 string, got number")
        }
    }

    /// A time given as text.
    func epochMs(text: UnsafeBufferPointer<UInt8>) throws(LineReject) -> Double {
        switch unit {
        case .auto, .iso8601:
            guard let ms = ISO8601.epochMilliseconds(text) else {
                let shown = String(decoding: text.prefix(64), as: UTF8.self)
                throw reject(.badTimestamp, "not an ISO-8601 date-time: \"\(shown)\"")
            }
            return ms
        case .s, .ms, .us, .ns:
            throw reject(.wrongType, "expected a number of \(unit.rawValue), got string")
        }
    }

    /// A reject naming this field.
    func reject(_ code: RejectCode, _ what: String) -> LineReject {
        isColumn ? .column(name, code, what) : .field(name, code, what)
    }

    /// `literal ÷ divisor` computed from the integer digits, exact where the Double of the literal is not.
    private static func exactQuotient(_ literal: UnsafeBufferPointer<UInt8>?, divisor: Int64) -> Double? {
        guard let literal, !literal.isEmpty, literal.count <= 19 else { return nil }
        var negative = false
        var value: Int64 = 0
        for (k, c) in literal.enumerated() {
            if k == 0 && c == UInt8(ascii: "-") {
                negative = true
                continue
            }
            let d = c &- 48
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(d))
            if o1 || o2 { return nil }
            value = s
        }
        let quotient = Double(value / divisor) + Double(value % divisor) / Double(divisor)
        return negative ? -quotient : quotient
    }
}
