import ArgumentParser
import Foundation
import ShadowConfig

/// `shadowctl check-config`: validates a config file and exits non-zero naming the line and key path at fault.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Validate a config file.")

    @Argument(help: "Config file (TOML).")
    var config: String = "/etc/shadowd/shadowd.toml"

    func run() throws {
        do {
            let settings = try ConfigLoader.load(path: config)
            print("\(config): ok (\(settings.models.count) models, compare.task = \(settings.compare.task.rawValue))")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
