import ArgumentParser
import ShadowCore

/// `shadowctl`: everything a person types to drive shadowd.
@main
struct Shadowctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shadowctl",
        abstract: "Replay recorded traffic through a champion and shadow models and compare their answers.",
        version: ShadowdVersion.current,
        subcommands: [ReplayCommand.self, StatusCommand.self, CheckConfigCommand.self, QueryCommand.self, ProfileCommand.self,
                      ModelsCommand.self, BacktestCommand.self, ReportCommand.self])
}
