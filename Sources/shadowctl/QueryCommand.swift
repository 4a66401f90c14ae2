import ArgumentParser

/// `shadowctl query TABLE`: rows of one table of the shadowd database, as a table, JSON or CSV. One subcommand per
/// table (`drift`, `triggers`; `runs`, `disagreements`, `latency`, `rejects` fit the same shape).
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Print rows of the shadowd database.",
        subcommands: [QueryDriftCommand.self, QueryTriggersCommand.self])
}
