/// `shadowctl query timeline`: a run's intervals from the `timeline_rates` view (each shadow's disagreement rate per
/// interval beside the run's rate and its binomial noise band) or the `timeline_models` view (each model's requests,
/// errors, latency and throughput per interval).
public struct TimelineQuery: Sendable {
    /// Which view the rows come from.
    public enum Subject: String, Sendable, CaseIterable {
        /// Disagreement rates per shadow.
        case shadows
        /// Requests, errors and latency per model.
        case models
    }

    /// Only this run (nil: every run).
    public var run: Int64?
    /// Rates or models.
    public var subject: Subject
    /// Only this shadow or model.
    public var name: String?
    /// The disagreement kind whose rate is shown (`any`: every kind).
    public var kind: String
    /// At most this many rows (0: all).
    public var limit: Int
    /// Whether numbers are rounded for a table (JSON and CSV keep them exact).
    public var rounded: Bool

    /// A timeline query.
    public init(run: Int64?, subject: Subject, name: String? = nil, kind: String = "any", limit: Int = 0,
                rounded: Bool = false) {
        self.run = run
        self.subject = subject
        self.name = name
        self.kind = kind
        self.limit = limit
        self.rounded = rounded
    }

    /// The SQL and its values.
    public var statement: (sql: String, values: [SQLiteValue]) {
        var filters: [String] = []
        var values: [SQLiteValue] = []
        if let run { filters.append("run_id = ?"); values.append(.integer(run)) }
        func r(_ expression: String, _ digits: Int) -> String { rounded ? "round(\(expression), \(digits))" : expression }
        let select: String
        switch subject {
        case .shadows:
            filters.append("kind = ?")
            values.append(.text(kind))
            if let name { filters.append("shadow = ?"); values.append(.text(name)) }
            // The band is the run's rate ± 1.96·√(p(1−p)/n): outside it, the interval differs beyond binomial noise.
            select = """
                SELECT run_id AS run, interval, started_at, \(r("seconds", 3)) AS seconds, shadow, kind, compared,
                       disagreements, \(r("rate", 4)) AS rate, \(r("max(run_rate - noise, 0)", 4)) AS floor_low,
                       \(r("run_rate + noise", 4)) AS floor_high,
                       CASE WHEN rate > run_rate + noise THEN 'above' WHEN rate < run_rate - noise THEN 'below'
                            ELSE '' END AS outside,
                       \(r("replica_rate", 4)) AS replica_rate
                FROM timeline_rates
                """
        case .models:
            if let name { filters.append("model = ?"); values.append(.text(name)) }
            select = """
                SELECT run_id AS run, interval, started_at, \(r("seconds", 3)) AS seconds, model, role, requests,
                       errors, \(r("p50_ms", 4)) AS p50_ms, \(r("p99_ms", 4)) AS p99_ms, \(r("max_ms", 4)) AS max_ms,
                       \(r("throughput", 1)) AS throughput
                FROM timeline_models
                """
        }
        let order = subject == .shadows ? "run_id, shadow, interval" : "run_id, CASE role WHEN 'champion' THEN 0 "
            + "WHEN 'shadow' THEN 1 ELSE 2 END, model, interval"
        return (select + (filters.isEmpty ? "" : " WHERE " + filters.joined(separator: " AND ")) + " ORDER BY " + order
                + (limit > 0 ? " LIMIT \(limit)" : ""), values)
    }

    /// Runs the query.
    public func run(on db: SQLiteDatabase) throws -> QueryTable {
        let (sql, values) = statement
        return try QueryTable.run(sql, values: values, on: db)
    }
}
