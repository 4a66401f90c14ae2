import ArgumentParser

/// `shadowctl query runs`: one row per replay, the latest first, with its models and rate.
struct QueryRunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "Replays, the latest first (the runs table).")

    @OptionGroup var options: QueryOptions

    @Option(help: "Only runs with this status: running, done or failed.")
    var status: String?

    static let statuses = ["running", "done", "failed"]

    func validate() throws {
        if let status, !Self.statuses.contains(status) {
            throw ValidationError("--status must be one of \(Self.statuses.joined(separator: ", ")), got '\(status)'")
        }
    }

    func run() throws {
        var filters: [(sql: String, values: [QueryValue])] = []
        if let status { filters.append(("status = ?", [.text(status)])) }
        // Tables leave out finished_at (seconds says how long it took) to keep room for the models and inputs.
        let finished = options.format == .table ? "" : " finished_at,"
        try options.print(select: """
            SELECT id, started_at,\(finished) status, records, rejects, round(seconds, 3) AS seconds,
                   CAST(round(records / seconds) AS INTEGER) AS records_per_s,
                   (SELECT group_concat(name, ',') FROM (SELECT name FROM models m WHERE m.run_id = runs.id
                    ORDER BY CASE role WHEN 'champion' THEN 0 WHEN 'shadow' THEN 1 ELSE 2 END, name)) AS models,
                   inputs_json AS inputs
            FROM runs
            """, runColumn: "id", filters: filters, order: "id DESC")
    }
}
