import ArgumentParser
import Foundation
import ShadowConfig
import ShadowCore
import ShadowSQLite

/// `shadowctl models rollback`: makes the champion before the latest promotion champion again.
struct ModelsRollbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Undo the latest promotion: the previous champion is champion again.",
        discussion: """
            Rollbacks undo promotions newest first; the gate is not checked. Refused when the config's champion is \
            not the model that promotion made champion (the file was edited by hand since).
            """)

    @OptionGroup var options: ModelsOptions
    @OptionGroup var reload: ReloadOptions

    @Option(help: "Why (kept in the history).")
    var reason: String?

    func run() throws {
        let settings: ShadowSettings
        do {
            settings = try ConfigLoader.load(path: options.config)
        } catch {
            throw ModelsStore.fail("\(error)")
        }
        guard let path = ModelsStore.databasePath(options, settings: settings) else { throw ModelsStore.fail("no database") }
        do {
            let db = try SQLiteDatabase.openShadowStore(path: path)
            defer { db.close() }
            guard let undo = try AliasHistory.promotionToUndo(in: db) else {
                throw ModelsStore.fail("nothing to roll back: \(path) records no promotion that is not undone yet")
            }
            guard let previous = undo.previous else {
                throw ModelsStore.fail("promotion #\(undo.id) does not name the champion before it")
            }
            let current = settings.champion?.name ?? ""
            guard current == undo.model else {
                throw ModelsStore.fail("the config's champion is \(current), but promotion #\(undo.id) (\(undo.at)) made "
                                       + "\(undo.model) champion: the config changed since; use models promote instead")
            }
            let plan = try ChampionSwap.plan(path: options.config, champion: previous)
            let restored = ModelsStore.version(of: plan.newChampion, in: db)
            let entry = AliasHistory.Entry(
                model: previous, version: restored.version, digest: restored.digest, previous: current,
                action: .rollback, undoes: undo.id, actor: ModelsActor.current(), reason: reason,
                configPath: FileDigest.absolute(options.config))
            print("rolling back promotion #\(undo.id) of \(undo.model) (\(undo.at) by \(undo.actor))")
            try ModelsStore.apply(plan, entry: entry, db: db, reload: reload)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ModelsStore.fail("\(error)")
        }
    }
}
