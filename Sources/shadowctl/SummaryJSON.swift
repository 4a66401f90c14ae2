import ShadowCore
import ShadowRuntime

/// The `--json` form of a replay summary: the summary plus where it was written.
struct SummaryJSON: Encodable {
    var database: String
    var summary: RunSummary
    /// The paced replay's load report (absent without a `[load]` profile).
    var load: LoadReport?

    init(_ outcome: LocalReplay.Outcome) {
        database = outcome.databasePath
        summary = outcome.summary
        load = outcome.load
    }
}
