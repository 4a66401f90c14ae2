import ArgumentParser
import Foundation
import ShadowControl

/// `shadowctl status`: the running daemon's status line and its jobs.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the running daemon's status and replay jobs.")

    @Option(help: "The daemon's control socket.")
    var socket: String = "/run/shadowd/control.sock"

    @Flag(help: "Print the status as JSON.")
    var json = false

    func run() throws {
        let status: DaemonStatus
        do {
            status = try ControlClient(path: socket).status()
        } catch {
            FileHandle.standardError.write(Data("shadowctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            try PrettyJSON.print(status)
            return
        }
        print("shadowd (pid \(status.pid)): \(status.line)")
        print("config: \(status.configPath)   database: \(status.database)   up \(Int(status.uptimeSeconds)) s")
        print("models: \(status.models.joined(separator: ", "))")
        guard !status.jobs.isEmpty else { return }
        print("")
        print("job  origin     state      records  rejects  disagreements  run  file")
        for job in status.jobs {
            let cells = [pad(String(job.id), 3), pad(job.origin.rawValue, 9), pad(job.state.rawValue, 9),
                         pad(String(job.records), 8, right: true), pad(String(job.rejects), 7, right: true),
                         pad(String(job.disagreements), 13, right: true), pad(job.run.map(String.init) ?? "-", 3),
                         job.name + (job.error.map { "  (" + $0 + ")" } ?? "")]
            print(cells.joined(separator: "  "))
        }
    }

    func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return right ? fill + s : s + fill
    }
}
