import ArgumentParser

/// `shadowctl query latency`: latency percentiles and throughput per model and run, the champion first.
struct QueryLatencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "latency", abstract: "Latency percentiles per model and run (the latency table).")

    @OptionGroup var options: QueryOptions

    @Option(help: "Only this model (its name in the config).")
    var model: String?

    func run() throws {
        var filters: [(sql: String, values: [QueryValue])] = []
        if let model { filters.append(("l.model = ?", [.text(model)])) }
        try options.print(select: """
            SELECT l.run_id AS run, l.model, m.role, l.count, l.errors, round(l.p50_ms, 3) AS p50_ms,
                   round(l.p90_ms, 3) AS p90_ms, round(l.p99_ms, 3) AS p99_ms, round(l.p999_ms, 3) AS p999_ms,
                   round(l.max_ms, 3) AS max_ms, round(l.throughput, 1) AS throughput
            FROM latency l LEFT JOIN models m ON m.run_id = l.run_id AND m.name = l.model
            """, runColumn: "l.run_id", filters: filters,
            order: "l.run_id, CASE m.role WHEN 'champion' THEN 0 WHEN 'shadow' THEN 1 ELSE 2 END, l.model")
    }
}
