import ArgumentParser
import ShadowCore
import ShadowSQLite

/// `shadowctl query timeline`: a run over time, interval by interval (the timeline_rates and timeline_models views).
struct QueryTimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Disagreement rate per shadow, or latency per model, interval by interval.",
        discussion: """
            Each row is one interval of the replay (1 s of wall clock or 32,768 records, whichever came first). \
            Shadows: the interval's disagreement rate beside the run's rate ± its binomial noise (floor_low, \
            floor_high: 1.96·√(p(1−p)/n)); 'outside' says when the interval left that band, and replica_rate is a \
            replica's rate in the same interval (the model noise floor) when the config has one. --models: each \
            model's requests, errors, p50/p99/max latency and answers per second.
            """)

    @OptionGroup var options: QueryOptions

    @Flag(help: "Per model (requests, errors, latency) instead of per shadow.")
    var models = false

    @Option(help: "Only this shadow (or, with --models, model).")
    var name: String?

    @Option(help: "The rate of this kind only: \(DisagreementKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: String?

    func validate() throws {
        if let kind, DisagreementKind(rawValue: kind) == nil {
            let kinds = DisagreementKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--kind must be one of \(kinds), got '\(kind)'")
        }
        if models && kind != nil { throw ValidationError("--kind is for shadows, not --models") }
    }

    func run() throws {
        try QueryPlanned.print(options: options) { db in
            try TimelineQuery(run: try options.run?.resolve(db), subject: models ? .models : .shadows, name: name,
                              kind: kind ?? "any", limit: options.limit, rounded: options.format == .table).run(on: db)
        }
    }
}
