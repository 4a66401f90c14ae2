import ArgumentParser
import Foundation
import ShadowRuntime

/// `shadowctl replay`: replays traffic files and prints a summary.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay traffic files through the configured champion and shadows.",
        discussion: """
            With --local the pipeline runs in this process (no daemon needed): a progress bar on a terminal, then a \
            summary of records, rejects, per-model latency and per-shadow disagreements. Results go to the SQLite \
            database named by --db (or [store] path in the config).
            """)

    @Flag(help: "Run the pipeline in this process instead of handing the file to the daemon.")
    var local = false

    @Option(name: .shortAndLong, help: "Config file (TOML).")
    var config: String = "/etc/shadowd/shadowd.toml"

    @Option(help: "SQLite database to write (overrides [store] path).")
    var db: String?

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Flag(help: "Do not show progress.")
    var quiet = false

    @Argument(help: "Traffic files (JSON Lines or CSV), replayed in order as one run.")
    var files: [String]

    func validate() throws {
        guard local else {
            throw ValidationError(
                "this build replays in the foreground only: add --local (handing files to the daemon comes with the daemon's control socket)")
        }
        if files.isEmpty { throw ValidationError("name at least one traffic file") }
    }

    func run() async throws {
        let display = quiet ? nil : ProgressDisplay()
        let outcome: LocalReplay.Outcome
        do {
            outcome = try await LocalReplay.run(configPath: config, databasePath: db, inputs: files) { progress in
                display?.show(progress)
            }
        } catch {
            FileHandle.standardError.write(Data("shadowctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            var text = String(decoding: try encoder.encode(SummaryJSON(outcome)), as: UTF8.self)
            text += "\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            print(SummaryText.render(outcome.summary, database: outcome.databasePath))
        }
    }
}
