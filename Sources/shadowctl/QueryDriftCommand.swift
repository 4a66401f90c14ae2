import ArgumentParser

/// `shadowctl query drift`: drift statistic values per evaluated window.
struct QueryDriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift", abstract: "Drift statistics per window (the drift table).")

    @OptionGroup var options: QueryOptions

    @Option(help: "Only this signal (e.g. psi:x0, error).")
    var signal: String?

    func run() throws {
        try options.print(
            select: """
                SELECT run_id AS run, window, window_start, window_end, signal, feature, statistic, value, threshold,
                       samples, reference FROM drift
                """,
            runColumn: "run_id", filters: signal.map { [("signal = ?", [.text($0)])] } ?? [],
            order: "run_id, window, id")
    }
}
