import ArgumentParser
import Foundation
import ShadowConfig

/// `shadowd`: the daemon. This build validates configs; serving (systemd notify, sources, control socket) is next.
@main
struct Shadowd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shadowd",
        abstract: "The shadowd daemon.",
        subcommands: [CheckConfig.self])

    /// `shadowd check-config`: validates the config the daemon would load.
    struct CheckConfig: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-config", abstract: "Validate the daemon's config file and exit.")

        @Option(name: .shortAndLong, help: "Config file (TOML).")
        var config: String = "/etc/shadowd/shadowd.toml"

        func run() throws {
            do {
                _ = try ConfigLoader.load(path: config)
                print("\(config): ok")
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
