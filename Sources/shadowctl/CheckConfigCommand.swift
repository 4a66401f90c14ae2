import ArgumentParser
import Foundation
import ShadowConfig

/// `shadowctl check-config`: validates a config file and exits non-zero naming the line and key path of every
/// problem.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Validate a config file.")

    @Argument(help: "Config file (TOML).")
    var config: String = "/etc/shadowd/shadowd.toml"

    func run() throws {
        let errors = ConfigLoader.check(path: config)
        guard errors.isEmpty else {
            for error in errors { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
            throw ExitCode(1)
        }
        let settings = try ConfigLoader.load(path: config)
        print("\(config): ok (\(settings.models.count) models, compare.task = \(settings.compare.task.rawValue))")
    }
}
