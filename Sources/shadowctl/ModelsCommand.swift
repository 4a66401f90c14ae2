import ArgumentParser

/// `shadowctl models`: model versions, the champion alias, promotion with a gate, and rollback.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List model versions, promote a shadow to champion, or roll back.",
        discussion: """
            Each run records every model file with its SHA-256 digest and a version per name (a new digest is the \
            next version). promote moves the champion alias to a shadow (the old champion becomes a shadow) by \
            rewriting the two role lines of the config atomically, records who, when, why and the [promotion] gate's \
            verdict, and reloads the daemon. rollback undoes the latest promotion.
            """,
        subcommands: [ModelsListCommand.self, ModelsPromoteCommand.self, ModelsRollbackCommand.self])
}

/// The config and database every `models` subcommand works on.
struct ModelsOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Config file whose [[models]] roles are read and rewritten.")
    var config: String = "/etc/shadowd/shadowd.toml"

    @Option(help: "SQLite database with the versions and history (default: [store] path of the config).")
    var db: String?
}

/// How `promote` and `rollback` reach the running daemon after rewriting its config.
struct ReloadOptions: ParsableArguments {
    @Flag(help: "Do not reload the daemon (the change applies at its next reload or start).")
    var noReload = false

    @Option(help: "The daemon's control socket (to find its pid and config).")
    var socket: String = "/run/shadowd/control.sock"

    @Option(help: "A file holding the daemon's pid, to send SIGHUP to (instead of asking the control socket).")
    var pidFile: String?
}
