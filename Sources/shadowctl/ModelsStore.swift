import ArgumentParser
import Foundation
import ShadowConfig
import ShadowCore
import ShadowSQLite

/// The pieces `models` subcommands share: reading the config and database, and writing an alias change (the
/// history row and the config rewrite in one database transaction, then the reload).
enum ModelsStore {
    /// Prints `message` to standard error and exits 1.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("shadowctl: \(message)\n".utf8))
        return ExitCode(1)
    }

    /// Prints a warning to standard error.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("shadowctl: warning: \(message)\n".utf8))
    }

    /// The database path: `--db`, else the config's `[store] path`.
    static func databasePath(_ options: ModelsOptions, settings: ShadowSettings?) -> String? {
        options.db ?? settings?.store.path
    }

    /// The version the store gave the model file now at `model`'s path, and its digest (nil when unreadable).
    static func version(of model: ModelSettings, in db: SQLiteDatabase) -> (version: Int?, digest: String?) {
        guard let path = model.path, let digest = try? FileDigest.sha256(path: path).hex else { return (nil, nil) }
        return (try? ModelVersions.version(name: model.name, digest: digest, in: db), digest)
    }

    /// Records `entry` (after an `initial` entry for the old champion when the history is empty) and writes the
    /// planned config, both or neither; then reloads the daemon and prints the outcome.
    static func apply(_ plan: ChampionSwap.Plan, entry: AliasHistory.Entry, db: SQLiteDatabase,
                      reload: ReloadOptions) throws {
        let old = version(of: plan.oldChampion, in: db)
        try db.transaction {
            if try AliasHistory.entries(in: db).isEmpty {
                try AliasHistory.append(AliasHistory.Entry(
                    model: plan.oldChampion.name, version: old.version, digest: old.digest, previous: nil,
                    action: .initial, actor: entry.actor, reason: "champion before the first change",
                    configPath: entry.configPath), in: db)
            }
            try AliasHistory.append(entry, in: db)
            try ChampionSwap.commit(plan)
        }
        print("\(plan.newChampion.name) is now champion; \(plan.oldChampion.name) is a shadow "
              + "(\(plan.path): 2 role lines rewritten)")
        switch DaemonReload.reload(config: plan.path, options: reload) {
        case .reloaded(let what): print(what)
        case .skipped(let why): print(why)
        case .failed(let why): warn(why)
        }
    }
}
