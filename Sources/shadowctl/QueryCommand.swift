import ArgumentParser

/// `shadowctl query TABLE`: rows of one table of the shadowd database, as a table, JSON or CSV. One subcommand per
/// table: `runs`, `disagreements`, `latency`, `rejects`, `drift`, `triggers`; and the run timeline's drill-downs,
/// `timeline` and `buckets`.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Print rows of the shadowd database.",
        subcommands: [QueryRunsCommand.self, QueryDisagreementsCommand.self, QueryLatencyCommand.self,
                      QueryRejectsCommand.self, QueryDriftCommand.self, QueryTriggersCommand.self,
                      QueryTimelineCommand.self, QueryBucketsCommand.self])
}
