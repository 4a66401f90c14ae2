import ArgumentParser
import Foundation
import ShadowBacktest
import ShadowConfig
import ShadowCore
import ShadowModels

/// `shadowctl backtest`: compares retraining strategies on a labelled timeline and prints the ranking table.
struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Compare retraining strategies on a labelled traffic log (time order, delayed labels).",
        discussion: """
            The config's champion (an embedded xgboost, lightgbm or linear model) serves first; its features are the \
            columns every retrained model reads. The strategies file (TOML) sets label_delay_s and [[strategy]] \
            tables: retrain = never | periodic | trigger | detector, data = sliding | expanding, trainer = builtin | \
            hook, shadow_records and gate. [[scenario]] tables in the config and --scenario FILE inject drift. \
            Results go to the backtests and backtest_points tables of --db (or [store] path) unless --no-db.
            """)

    @Option(name: .shortAndLong, help: "Config file (TOML): the champion, [source], [compare], [[scenario]].")
    var config: String = "/etc/shadowd/shadowd.toml"

    @Option(help: "Strategies file (TOML of [[strategy]] tables).")
    var strategies: String

    @Option(help: "A TOML file of [[scenario]] tables applied on top of the config's.")
    var scenario: String?

    @Option(help: "SQLite database to write (overrides [store] path).")
    var db: String?

    @Flag(name: .customLong("no-db"), help: "Print the table only; write nothing.")
    var noDB = false

    @Flag(help: "Print the results as JSON instead of the table.")
    var json = false

    @Argument(help: "Labelled traffic files (JSON Lines or CSV), in time order.")
    var files: [String]

    func run() async throws {
        do {
            try await execute()
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("shadowctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    func execute() async throws {
        var settings = try ConfigLoader.load(path: config)
        if let scenario { settings.scenarios.scenarios += try ConfigLoader.loadScenarios(path: scenario).scenarios }
        let plan = try StrategyFile.load(path: strategies)
        guard let champion = settings.champion, let path = champion.path,
              ["xgboost", "lightgbm", "linear"].contains(champion.kind.rawValue) else {
            throw ValidationError("backtest needs an embedded champion model (xgboost, lightgbm or linear) in \(config)")
        }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let initial = try EmbeddedModelLoader.load(kind: champion.kind, bytes: bytes, source: path)
        let clock = ContinuousClock()
        let started = clock.now
        let timeline = try LabelledTimeline.load(files: files, source: settings.source,
                                                 featureNames: initial.featureNames, task: initial.task,
                                                 scenarios: settings.scenarios)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("shadowd-backtest-\(getpid())").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let backtest = Backtest(timeline: timeline, settings: plan, task: initial.task,
                                threshold: settings.compare.threshold, workDirectory: work)
        let results = try await backtest.run(initial: initial)
        let seconds = (clock.now - started) / .seconds(1)
        var written: String?
        if !noDB {
            let database = db ?? settings.store.path
            let id = try BacktestStore.write(results, database: database, config: config, strategiesPath: strategies,
                                             inputs: files, records: timeline.count, scenarios: settings.scenarios)
            written = "backtest \(id) written to \(database)"
        }
        if json {
            try PrettyJSON.print(BacktestJSON(records: timeline.count, seconds: seconds, results: results))
            return
        }
        let unit = timeline.hasTimes ? "h" : "r"
        print("\(timeline.count) records (\(timeline.rejects) rejected), \(results.count) strategies, "
              + "\(BacktestTable.fixed(seconds, 2)) s")
        print(BacktestTable.render(results, timeUnit: unit))
        for r in results where !r.retrains.isEmpty {
            let instants = r.retrains.prefix(12).map { e in
                (e.timeMs.map(BacktestStore.iso) ?? "#\(e.index)") + (e.promoted ? "" : " (gate refused)")
            }
            print("\(r.name): retrained at " + instants.joined(separator: ", ") + (r.retrains.count > 12 ? ", …" : ""))
        }
        if let written { print(written) }
    }
}
