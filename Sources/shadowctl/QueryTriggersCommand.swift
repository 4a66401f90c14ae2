import ArgumentParser

/// `shadowctl query triggers`: the rules that fired, with their actions' results.
struct QueryTriggersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers", abstract: "Fired drift rules (the triggers table).")

    @OptionGroup var options: QueryOptions

    @Option(help: "Only this level: warn, alert or retrain.")
    var level: String?

    func run() throws {
        try options.print(
            select: """
                SELECT id, run_id AS run, rule, level, signal, feature, statistic, value, threshold, window, at, hook_exit,
                       actions_json AS actions FROM triggers
                """,
            runColumn: "run_id", filters: level.map { [("level = ?", [.text($0)])] } ?? [], order: "id")
    }
}
