import ArgumentParser
import Foundation
import ShadowConfig
import ShadowReport
import ShadowSQLite

/// `shadowctl report RUN --out FILE`: one self-contained HTML page (inline SVG and CSS, no script or network) with the
/// run's latency percentile curves, throughput, disagreement rate with its noise floor, top features by lift, drift
/// with thresholds and triggers, its manifest, and a backtest when one replayed the same inputs.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report of a run (and a backtest) with plots, to send to a colleague.",
        discussion: """
            RUN is a run id or 'latest' (the default). The backtest shown is the newest one that replayed one of the \
            run's input files, unless --backtest ID (or 'latest') picks one or --no-backtest leaves it out. With \
            --backtest and no RUN, the report shows the backtest alone. Sections whose tables are empty or absent \
            from the database are kept as a heading with a one-line note.
            """)

    @Argument(help: ArgumentHelp("Run id or 'latest' (default: latest).", valueName: "run"))
    var selector: RunSelector?

    @Option(name: .shortAndLong, help: "HTML file to write ('-': standard output).")
    var out: String

    @Option(help: "SQLite database to read (default: [store] path of the config).")
    var db: String?

    @Option(name: .shortAndLong, help: "Config file naming the database when --db is not given.")
    var config: String = "/etc/shadowd/shadowd.toml"

    @Option(help: "Show this backtest (its id, bt-…, or 'latest') instead of the one matching the run's inputs.")
    var backtest: String?

    @Flag(name: .customLong("no-backtest"), help: "Leave the backtest section out.")
    var noBacktest = false

    func validate() throws {
        if noBacktest && backtest != nil { throw ValidationError("--backtest and --no-backtest exclude each other") }
        if out.isEmpty { throw ValidationError("--out needs a file name") }
    }

    func run() throws {
        let path: String
        do { path = try db ?? ConfigLoader.load(path: config).store.path } catch {
            fail("\(config): \(error)")
        }
        let html: String
        do {
            let database = try SQLiteDatabase.openShadowReader(path: path)
            defer { database.close() }
            let choice: ReportLoader.BacktestChoice = noBacktest ? .none : backtest.map { .id($0) } ?? .automatic
            let runID: Int64?
            if selector == nil && backtest != nil {
                runID = nil
            } else {
                let resolved = try (selector ?? .latest).resolve(database)
                guard resolved > 0 else { fail("\(path): the database has no runs") }
                runID = resolved
            }
            let report = try ReportLoader(db: database).load(run: runID, backtest: choice)
            html = ReportRenderer(report: report, generatedAt: BacktestStore.iso(Date().timeIntervalSince1970 * 1000)).html
        } catch {
            fail("\(path): \(error)")
        }
        if out == "-" {
            FileHandle.standardOutput.write(Data(html.utf8))
            return
        }
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            fail("cannot write \(out): \(error.localizedDescription)")
        }
        FileHandle.standardError.write(Data("wrote \(out) (\(html.utf8.count / 1024) KiB)\n".utf8))
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("shadowctl report: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
