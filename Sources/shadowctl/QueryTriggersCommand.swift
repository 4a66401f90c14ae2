import ArgumentParser

/// `shadowctl query triggers`: the rules that fired, with their actions' results.
struct QueryTriggersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers", abstract: "Fired drift rules (the triggers table).")

    @OptionGroup var options: QueryOptions

    @Option(help: "Only this level: warn, alert or retrain.")
    var level: String?

    func run() throws {
        var filters: [String] = []
        var values: [QueryValue] = []
        if let run = options.run { filters.append("run_id = ?"); values.append(.integer(run)) }
        if let level { filters.append("level = ?"); values.append(.text(level)) }
        let sql = """
            SELECT id, run_id AS run, rule, level, signal, feature, statistic, value, threshold, window, at, hook_exit,
                   actions_json AS actions FROM triggers
            """ + (filters.isEmpty ? "" : " WHERE " + filters.joined(separator: " AND "))
            + " ORDER BY id" + options.limitClause
        try QueryRunner.print(sql: sql, values: values, options: options)
    }
}
