import ArgumentParser
import Foundation
import ShadowConfig
import ShadowControl
import ShadowCore
import ShadowMonitor
import ShadowRuntime

/// `shadowctl replay`: replays traffic files and prints a summary.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay traffic files through the configured champion and shadows.",
        discussion: """
            Without --local the files are handed to the running daemon over its control socket (the file is opened \
            here, so the daemon reads only what you may read); --wait waits for each and prints its summary. \
            With --local the pipeline runs in this process (no daemon needed): a progress bar on a terminal, then a \
            summary of records, rejects, per-model latency and per-shadow disagreements. Results go to the SQLite \
            database named by --db (or [store] path in the config). --rerun N replays run N again in this process \
            with the config text and inputs in its manifest, and refuses when an input or model file changed.
            """)

    @Flag(help: "With the daemon: wait for each replay to end and print its summary.")
    var wait = false

    @Option(help: "With the daemon: cancel the replay job with this id.")
    var cancel: Int?

    @Option(help: "The daemon's control socket.")
    var socket: String = "/run/shadowd/control.sock"

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

    @Option(help: "With --local: a TOML file of [[scenario]] tables (drift injected into the records).")
    var scenario: String?

    @Option(help: "Replay run N again, in this process, with the inputs and config text in its manifest.")
    var rerun: Int64?

    @Flag(help: "With --rerun: go on (with a warning) when an input or model file changed since the run.")
    var force = false

    @Argument(help: "Traffic files (JSON Lines or CSV); with --local replayed in order as one run.")
    var files: [String] = []

    func validate() throws {
        if rerun != nil {
            if !files.isEmpty || wait || cancel != nil { throw ValidationError("--rerun takes no files, --wait or --cancel") }
            return
        }
        if force { throw ValidationError("--force is for --rerun") }
        if scenario != nil && !local { throw ValidationError("--scenario is for --local replays") }
        if files.isEmpty && cancel == nil { throw ValidationError("name at least one traffic file") }
        if local && (wait || cancel != nil) { throw ValidationError("--wait and --cancel are for the daemon, not --local") }
    }

    func run() async throws {
        if let rerun {
            let database = try db ?? ConfigLoader.load(path: config).store.path
            try await ReplayRerun(run: rerun, database: database, force: force, quiet: quiet, json: json).execute()
        } else if local {
            try await runLocal()
        } else {
            try runWithDaemon()
        }
    }

    func runLocal() async throws {
        let display = quiet ? nil : ProgressDisplay()
        let outcome: LocalReplay.Outcome
        do {
            outcome = try await LocalReplay.run(configPath: config, databasePath: db, inputs: files, scenarioPath: scenario,
                                                observers: TimelineObserver.localObservers(adding: DriftMonitor.localObservers)) { progress in
                display?.show(progress)
            }
        } catch {
            FileHandle.standardError.write(Data("shadowctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            try PrettyJSON.print(SummaryJSON(outcome))
        } else {
            print(SummaryText.render(outcome.summary, database: outcome.databasePath))
            if let load = outcome.load { print("\n" + load.text) }
        }
    }

    /// Hands each file to the daemon (and waits, with --wait), or cancels a job.
    func runWithDaemon() throws {
        let client = ControlClient(path: socket)
        do {
            if let cancel {
                let job = try client.cancel(job: cancel)
                print("job \(job.id) (\(job.name)): cancel requested")
                return
            }
            let database = wait ? try client.status().database : ""
            var failed = false
            for file in files {
                let job = try client.submit(path: file)
                guard wait else {
                    print("job \(job.id): replaying \(job.name) (shadowctl status shows progress)")
                    continue
                }
                let ended = try client.wait(job: job.id)
                failed = failed || ended.state != .done
                if json {
                    try PrettyJSON.print(ended)
                } else if let summary = ended.summary {
                    print(SummaryText.render(summary, database: database))
                } else {
                    print("job \(ended.id) (\(ended.name)) \(ended.state.rawValue)\(ended.error.map { ": " + $0 } ?? "")")
                }
            }
            if failed { throw ExitCode(1) }
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("shadowctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
