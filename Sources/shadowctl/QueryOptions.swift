import ArgumentParser
import ShadowConfig

/// The options every `shadowctl query` subcommand takes.
struct QueryOptions: ParsableArguments {
    @Option(help: "SQLite database to read (default: [store] path of the config).")
    var db: String?

    @Option(name: .shortAndLong, help: "Config file naming the database when --db is not given.")
    var config: String = "/etc/shadowd/shadowd.toml"

    @Option(help: "Only rows of this run.")
    var run: Int64?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "At most this many rows (0: all).")
    var limit: Int = 1000

    /// The database to read.
    func databasePath() throws -> String {
        if let db { return db }
        return try ConfigLoader.load(path: config).store.path
    }

    /// `LIMIT n` (or nothing for 0).
    var limitClause: String { limit > 0 ? " LIMIT \(limit)" : "" }
}

/// How query rows are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
