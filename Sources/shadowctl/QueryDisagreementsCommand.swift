import ArgumentParser
import Foundation
import ShadowCore
import ShadowSQLite

/// `shadowctl query disagreements`: the records where a shadow answered differently from the champion.
struct QueryDisagreementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disagreements", abstract: "Where shadows disagreed with the champion (the disagreements table).",
        discussion: """
            --since takes a duration back from now (45s, 30m, 2h, 7d, 2w) or an ISO-8601 time (2025-03-03, \
            2025-03-03T00:01:45Z, 2025-03-03T01:01:45.605+01:00; no zone means UTC) and keeps records whose own \
            time is at or after it (records without a time are left out). --feature plan=pro keeps records whose \
            feature equals the value: a number matches the number or the string, true/false/null the JSON literal \
            or the string, anything else the string; repeat it to require several.
            """)

    @OptionGroup var options: QueryOptions

    @Option(help: "Only this shadow (or replica) model.")
    var shadow: String?

    @Option(help: "Only this kind: \(DisagreementKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: String?

    @Option(help: "Only records with a record time at or after this: 30m, 2h, 7d or an ISO-8601 time.")
    var since: String?

    @Option(help: "Only records whose feature NAME equals VALUE (NAME=VALUE; repeatable).")
    var feature: [String] = []

    @Option(help: "Row order: id (insertion), time (record time, oldest first) or delta (largest first).")
    var order: String = "id"

    /// The --order values (SQLite sorts NULL first ascending and last descending, so records without a time come
    /// first and shadow errors, without a delta, last).
    static let orders = Set(DisagreementQuery.Order.allCases.map(\.rawValue))

    func validate() throws {
        if let kind, DisagreementKind(rawValue: kind) == nil {
            let kinds = DisagreementKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--kind must be one of \(kinds), got '\(kind)'")
        }
        if !Self.orders.contains(order) { throw ValidationError("--order must be id, time or delta, got '\(order)'") }
        if let since, Self.sinceBound(since, nowMs: 0) == nil {
            throw ValidationError("--since expects 30m, 2h, 7d or an ISO-8601 time like 2025-03-03T00:00:00Z, got '\(since)'")
        }
        for f in feature where Self.featureFilter(f) == nil {
            throw ValidationError("--feature expects NAME=VALUE with a NAME without '\"', got '\(f)'")
        }
    }

    func run() throws {
        let bound = since.flatMap { Self.sinceBound($0, nowMs: (Date().timeIntervalSince1970 * 1000).rounded()) }
        let conditions = feature.compactMap(Self.featureFilter).map { ($0.sql, $0.values.map(\.sqlite)) }
        // Tables show scores to 4 decimals under short headers so the record time and features keep room; JSON and CSV
        // are exact, with the schema's column names.
        let table = options.format == .table
        let champion = table ? Self.rounded("champion_output") + " AS champion" : "champion_output"
        let shadowOutput = table ? Self.rounded("shadow_output") + " AS shadow_out" : "shadow_output"
        let columns = """
            id, run_id AS run, record_id, record_time, shadow, kind, \(champion), \(shadowOutput),
            \(table ? "round(delta, 4)" : "delta") AS delta, features
            """
        try QueryPlanned.print(options: options) { db in
            // The planner answers from the run's timeline tables when it can (DisagreementQuery explains when).
            let query = DisagreementQuery(run: try options.run?.resolve(db), shadow: shadow, kind: kind, since: bound,
                                          conditions: conditions, order: DisagreementQuery.Order(rawValue: order) ?? .id,
                                          limit: options.limit, columns: columns)
            return try query.run(on: db).table
        }
    }
}

extension QueryDisagreementsCommand {
    /// SQL showing a model output column with scores rounded to 4 decimals (arrays of probabilities too).
    static func rounded(_ column: String) -> String {
        """
        CASE json_type(\(column)) WHEN 'real' THEN round(\(column), 4) WHEN 'array' THEN \
        (SELECT '[' || group_concat(CASE e.type WHEN 'real' THEN round(e.value, 4) ELSE e.atom END, ',') || ']' \
        FROM json_each(\(column)) e) ELSE \(column) END
        """
    }

    /// The lower bound of `--since` as a stored record time (`2025-03-03T00:01:45.605Z`), nil when not understood.
    static func sinceBound(_ text: String, nowMs: Double) -> String? {
        let units: [Character: Double] = ["s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000]
        if let unit = text.last, let ms = units[unit], let amount = Double(text.dropLast()),
           text.dropLast().allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), amount.isFinite {
            return ISO8601Millis.string(epochMs: nowMs - amount * ms)
        }
        return isoEpochMs(text).flatMap { ISO8601Millis.string(epochMs: $0) }
    }

    /// Epoch milliseconds of `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH:MM|±HHMM]` (no zone: UTC), nil otherwise.
    static func isoEpochMs(_ text: String) -> Double? {
        var rest = Substring(text)
        func number(_ digits: Int) -> Int64? {
            let head = rest.prefix(digits)
            guard head.count == digits, head.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            rest = rest.dropFirst(digits)
            return Int64(head)
        }
        func skip(_ c: Character) -> Bool {
            guard rest.first == c else { return false }
            rest = rest.dropFirst()
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var ms = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400_000
        if skip("T") || skip(" ") {
            guard let hour = number(2), skip(":"), let minute = number(2), hour < 24, minute < 60 else { return nil }
            ms += Double(hour * 3_600_000 + minute * 60_000)
            if skip(":") {
                guard let second = number(2), second < 60 else { return nil }
                ms += Double(second * 1000)
                if skip(".") {
                    let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
                    guard !digits.isEmpty, let fraction = Double("0." + digits) else { return nil }
                    rest = rest.dropFirst(digits.count)
                    ms += (fraction * 1000).rounded(.down)
                }
            }
        }
        if skip("Z") || rest.isEmpty { return rest.isEmpty ? ms : nil }
        let sign: Double = skip("+") ? 1 : skip("-") ? -1 : 0
        guard sign != 0, let hours = number(2), hours < 24 else { return nil }
        _ = skip(":")
        guard let minutes = number(2), minutes < 60, rest.isEmpty else { return nil }
        return ms - sign * Double(hours * 3_600_000 + minutes * 60_000)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The filter for `--feature NAME=VALUE` on the features JSON, all values bound; nil when malformed.
    static func featureFilter(_ argument: String) -> (sql: String, values: [QueryValue])? {
        guard let eq = argument.firstIndex(of: "=") else { return nil }
        let name = String(argument[..<eq]), value = String(argument[argument.index(after: eq)...])
        guard !name.isEmpty, !name.contains("\"") else { return nil }
        let path = QueryValue.text("$.\"" + name + "\"")
        let numeric = !value.isEmpty && value.allSatisfy({ "0123456789.eE+-".contains($0) })
            && Double(value)?.isFinite == true
        if numeric {
            return ("json_extract(features, ?) IN (CAST(? AS REAL), ?)", [path, .text(value), .text(value)])
        }
        if value == "true" || value == "false" || value == "null" {
            return ("(json_type(features, ?) = ? OR json_extract(features, ?) = ?)",
                    [path, .text(value), path, .text(value)])
        }
        return ("json_extract(features, ?) = ?", [path, .text(value)])
    }
}
