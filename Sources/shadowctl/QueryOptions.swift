import ArgumentParser
import ShadowConfig

/// The options every `shadowctl query` subcommand takes, and the one way they build and print a query.
struct QueryOptions: ParsableArguments {
    @Option(help: "SQLite database to read (default: [store] path of the config).")
    var db: String?

    @Option(name: .shortAndLong, help: "Config file naming the database when --db is not given.")
    var config: String = "/etc/shadowd/shadowd.toml"

    @Option(help: "Only rows of this run: a run id or 'latest'.")
    var run: RunSelector?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "At most this many rows (0: all).")
    var limit: Int = 1000

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more, got \(limit)") }
    }

    /// The database to read.
    func databasePath() throws -> String {
        if let db { return db }
        return try ConfigLoader.load(path: config).store.path
    }

    /// `LIMIT n` (or nothing for 0).
    var limitClause: String { limit > 0 ? " LIMIT \(limit)" : "" }

    /// Runs `select` with `filters` joined by AND (the run filter on `runColumn` first), then `order` and the
    /// limit, and prints the rows. Every value is a bound parameter.
    func print(select: String, runColumn: String, filters: [(sql: String, values: [QueryValue])], order: String) throws {
        let (sql, values) = Self.statement(select: select, filters: (run.map { [$0.filter(column: runColumn)] } ?? [])
                                           + filters, order: order, limitClause: limitClause)
        try QueryRunner.print(sql: sql, values: values, options: self)
    }

    /// The full SQL text and its bound values in order.
    static func statement(select: String, filters: [(sql: String, values: [QueryValue])], order: String,
                          limitClause: String) -> (sql: String, values: [QueryValue]) {
        let sql = select + (filters.isEmpty ? "" : " WHERE " + filters.map(\.sql).joined(separator: " AND "))
            + " ORDER BY " + order + limitClause
        return (sql, filters.flatMap(\.values))
    }
}

/// How query rows are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
