import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import ShadowConfig
import ShadowCore
import ShadowDaemon

/// `shadowd`: the daemon. Serves by default; `check-config` validates a config and exits.
@main
struct Shadowd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shadowd",
        abstract: "The shadowd daemon: replays traffic through champion and shadow models as a systemd service.",
        version: ShadowdVersion.current,
        subcommands: [Serve.self, CheckConfig.self],
        defaultSubcommand: Serve.self)

    /// `shadowd [serve] --config PATH`: runs the daemon until SIGTERM.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve", abstract: "Run the daemon (the default).")

        @Option(name: .shortAndLong, help: "Config file (TOML).")
        var config: String = "/etc/shadowd/shadowd.toml"

        func run() async throws {
            let status = await Daemon.serve(configPath: config)
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// `shadowd check-config`: validates the config the daemon would load.
    struct CheckConfig: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-config", abstract: "Validate the daemon's config file and exit.")

        @Option(name: .shortAndLong, help: "Config file (TOML).")
        var config: String = "/etc/shadowd/shadowd.toml"

        func run() throws {
            let errors = ConfigLoader.check(path: config)
            if errors.isEmpty {
                print("\(config): ok")
                let metrics = (try? ConfigLoader.load(path: config))?.metrics.address
                print("metrics: " + (metrics.map { "http://\($0)/metrics" } ?? "off"))
                return
            }
            for error in errors {
                let line = Array("\(error)\n".utf8)
                _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            }
            throw ExitCode(1)
        }
    }
}
