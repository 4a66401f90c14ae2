/// A UTC calendar date and time of day from epoch milliseconds (Howard Hinnant's civil-from-days).
struct CivilTime: Sendable, Equatable {
    var year: Int64
    var month: Int64
    var day: Int64
    var hour: Int64
    var minute: Int64
    var second: Int64

    init(epochMs: Double) {
        let seconds = Int64((epochMs / 1000).rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        hour = rest / 3600
        minute = rest % 3600 / 60
        second = rest % 60
    }

    static func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }

    var monthDay: String { "\(Self.two(month))-\(Self.two(day))" }

    func clock(seconds: Bool) -> String {
        "\(Self.two(hour)):\(Self.two(minute))" + (seconds ? ":\(Self.two(second))" : "")
    }

    func text(seconds: Bool) -> String { "\(year)-\(monthDay) " + clock(seconds: seconds) }
}
