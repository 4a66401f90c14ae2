import ArgumentParser

/// `shadowctl query drift`: drift statistic values per evaluated window.
struct QueryDriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift", abstract: "Drift statistics per window (the drift table).")

    @OptionGroup var options: QueryOptions

    @Option(help: "Only this signal (e.g. psi:x0, error).")
    var signal: String?

    func run() throws {
        var filters: [String] = []
        var values: [QueryValue] = []
        if let run = options.run { filters.append("run_id = ?"); values.append(.integer(run)) }
        if let signal { filters.append("signal = ?"); values.append(.text(signal)) }
        let sql = """
            SELECT run_id AS run, window, window_start, window_end, signal, feature, statistic, value, threshold, samples,
                   reference FROM drift
            """ + (filters.isEmpty ? "" : " WHERE " + filters.joined(separator: " AND "))
            + " ORDER BY run_id, window, id" + options.limitClause
        try QueryRunner.print(sql: sql, values: values, options: options)
    }
}
