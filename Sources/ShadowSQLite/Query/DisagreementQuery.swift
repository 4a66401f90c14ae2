/// `shadowctl query disagreements` planned against the timeline tables, so that a run's filtered rows come back
/// without scanning the run:
///
/// - `--order delta` is answered from `top_disagreements` (the observer's largest |delta| per run, shadow and kind)
///   when at least `limit` kept rows pass the filters and the last of them is larger than every kept group's
///   smallest value (so no row outside the kept set can rank before it). Those rows carry no `id` (null).
/// - `--since` on a run skips, per shadow and kind, the rows of the leading intervals whose records all came before
///   the bound: `timeline_disagreements` counts them, and a group's rows are stored in interval order, so they are
///   its first rows by id (`OFFSET` over the `(run_id, shadow, kind)` index).
/// - Anything else is the plain query.
public struct DisagreementQuery: Sendable {
    /// Row order.
    public enum Order: String, Sendable, CaseIterable {
        /// Insertion order.
        case id
        /// Record time, oldest first (records without a time first).
        case time
        /// Largest delta first (shadow errors, without a delta, last).
        case delta

        var sql: String {
            switch self {
            case .id: return "id"
            case .time: return "record_time, id"
            case .delta: return "delta DESC, id"
            }
        }
    }

    /// How the rows were found.
    public enum Path: String, Sendable {
        /// From the kept top disagreements.
        case top
        /// From the rows after the leading intervals, per shadow and kind.
        case tail
        /// The plain query on `disagreements`.
        case scan
    }

    /// Only this run (nil: every run).
    public var run: Int64?
    /// Only this shadow.
    public var shadow: String?
    /// Only this kind (`label_flip`, `score_delta`, `shadow_error`).
    public var kind: String?
    /// Only records at or after this stored time (`2025-03-03T00:01:45.605Z`).
    public var since: String?
    /// Further conditions on the row (on `features`), with their bound values.
    public var conditions: [(sql: String, values: [SQLiteValue])]
    /// Row order.
    public var order: Order
    /// At most this many rows (0: all).
    public var limit: Int
    /// The select list (columns of `disagreements`; `id` is null on the top path).
    public var columns: String

    /// A query with every filter given.
    public init(run: Int64?, shadow: String?, kind: String?, since: String?,
                conditions: [(sql: String, values: [SQLiteValue])] = [], order: Order, limit: Int, columns: String) {
        self.run = run
        self.shadow = shadow
        self.kind = kind
        self.since = since
        self.conditions = conditions
        self.order = order
        self.limit = limit
        self.columns = columns
    }

    /// The statement to run (SQL and values) and the path it takes, decided with a few reads of the small tables.
    public func plan(on db: SQLiteDatabase) throws -> (sql: String, values: [SQLiteValue], path: Path) {
        if order == .delta, let run, limit > 0, let top = try topPlan(run: run, on: db) { return (top.0, top.1, .top) }
        if since != nil, let run, let tail = try tailPlan(run: run, on: db) { return (tail.0, tail.1, .tail) }
        let (filter, values) = filters(includeRun: true)
        return ("SELECT \(columns) FROM disagreements" + filter + " ORDER BY \(order.sql)" + limitClause, values, .scan)
    }

    /// Runs the planned statement.
    public func run(on db: SQLiteDatabase) throws -> (table: QueryTable, path: Path) {
        let (sql, values, path) = try plan(on: db)
        return (try QueryTable.run(sql, values: values, on: db), path)
    }

    var limitClause: String { limit > 0 ? " LIMIT \(limit)" : "" }

    /// ` WHERE …` over the filters (or nothing) and its values.
    func filters(includeRun: Bool, time: Bool = true) -> (String, [SQLiteValue]) {
        var parts: [String] = []
        var values: [SQLiteValue] = []
        if includeRun, let run { parts.append("run_id = ?"); values.append(.integer(run)) }
        if let shadow { parts.append("shadow = ?"); values.append(.text(shadow)) }
        if let kind { parts.append("kind = ?"); values.append(.text(kind)) }
        if time, let since { parts.append("record_time >= ?"); values.append(.text(since)) }
        for condition in conditions {
            parts.append(condition.sql)
            values += condition.values
        }
        return (parts.isEmpty ? "" : " WHERE " + parts.joined(separator: " AND "), values)
    }

    private func topPlan(run: Int64, on db: SQLiteDatabase) throws -> (String, [SQLiteValue])? {
        let (filter, values) = filters(includeRun: true)
        let candidates = try db.query(
            "SELECT magnitude FROM top_disagreements" + filter + " ORDER BY magnitude DESC, seq LIMIT \(limit)",
            values: values) { $0.double(at: 0) }
        guard candidates.count >= limit, let last = candidates.last else { return nil }
        var groupFilter: [String] = ["run_id = ?"]
        var groupValues: [SQLiteValue] = [.integer(run)]
        if let shadow { groupFilter.append("shadow = ?"); groupValues.append(.text(shadow)) }
        if let kind { groupFilter.append("kind = ?"); groupValues.append(.text(kind)) }
        let floor = try db.query("""
            SELECT max(smallest) FROM (SELECT min(magnitude) AS smallest FROM top_disagreements
                                       WHERE \(groupFilter.joined(separator: " AND ")) GROUP BY shadow, kind)
            """, values: groupValues) { $0.isNull(at: 0) ? nil : $0.double(at: 0) }.first ?? nil
        guard let floor, last > floor else { return nil }
        let select = columns.replacingFirstColumn(with: "NULL AS id")
        return ("SELECT \(select) FROM top_disagreements" + filter + " ORDER BY magnitude DESC, seq"
                + limitClause, values)
    }

    private func tailPlan(run: Int64, on db: SQLiteDatabase) throws -> (String, [SQLiteValue])? {
        guard let since else { return nil }
        guard let first = try db.scalar(
            "SELECT min(interval) FROM timeline WHERE run_id = ? AND max_record_time >= ?", .integer(run), .text(since)
        )?.intValue else { return nil }
        var groupFilter = "run_id = ?"
        var groupValues: [SQLiteValue] = [.integer(Int64(first)), .integer(run)]
        if let shadow { groupFilter += " AND shadow = ?"; groupValues.append(.text(shadow)) }
        if let kind { groupFilter += " AND kind = ?"; groupValues.append(.text(kind)) }
        let groups = try db.query("""
            SELECT shadow, kind, sum(CASE WHEN interval < ? THEN count ELSE 0 END) FROM timeline_disagreements
            WHERE \(groupFilter) GROUP BY shadow, kind
            """, values: groupValues) { ($0.text(at: 0) ?? "", $0.text(at: 1) ?? "", $0.int64(at: 2)) }
        guard !groups.isEmpty else { return nil }
        var parts: [String] = []
        var values: [SQLiteValue] = []
        for (shadow, kind, skip) in groups {
            parts.append("""
                SELECT id FROM (SELECT id FROM disagreements WHERE run_id = ? AND shadow = ? AND kind = ?
                                ORDER BY id LIMIT -1 OFFSET ?)
                """)
            values += [.integer(run), .text(shadow), .text(kind), .integer(skip)]
        }
        let (filter, filterValues) = filters(includeRun: false)
        let rest = filter.isEmpty ? "" : " AND " + filter.dropFirst(" WHERE ".count)
        return ("SELECT \(columns) FROM disagreements WHERE id IN (" + parts.joined(separator: " UNION ALL ") + ")"
                + rest + " ORDER BY \(order.sql)" + limitClause, values + filterValues)
    }
}

extension SQLiteDatabase {
    /// Runs a query with an array of values and maps every row.
    func query<T>(_ sql: String, values: [SQLiteValue], row: (SQLiteStatement) throws -> T) throws -> [T] {
        let statement = try prepare(sql)
        try statement.bind(values)
        var rows: [T] = []
        while try statement.step() { rows.append(try row(statement)) }
        return rows
    }
}

extension String {
    /// The select list with its first item (up to the first top-level comma) replaced.
    func replacingFirstColumn(with replacement: String) -> String {
        var depth = 0
        for (offset, c) in self.enumerated() {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 } else if c == ",", depth == 0 {
                return replacement + String(self.dropFirst(offset))
            }
        }
        return replacement
    }
}
