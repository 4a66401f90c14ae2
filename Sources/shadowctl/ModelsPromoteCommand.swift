import ArgumentParser
import Foundation
import ShadowConfig
import ShadowCore
import ShadowSQLite

/// `shadowctl models promote NAME`: makes a shadow champion when the `[promotion]` gate passes.
struct ModelsPromoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Make a shadow the champion (the champion becomes a shadow), if the promotion gate passes.",
        discussion: """
            The gate's clauses ([promotion] gate, min_records) are measured over the latest finished run that \
            replayed NAME as a shadow, or --run N. When one fails, nothing changes and each failed clause is \
            printed with its measured value; --force promotes anyway and records that it was forced.
            """)

    @Argument(help: "The shadow to promote.")
    var name: String

    @OptionGroup var options: ModelsOptions
    @OptionGroup var reload: ReloadOptions

    @Option(name: .customLong("run"), help: "Judge the gate on this run instead of the latest one with NAME.")
    var evidenceRun: Int64?

    @Option(help: "Why (kept in the history).")
    var reason: String?

    @Flag(help: "Promote even when the gate fails (recorded in the history).")
    var force = false

    func run() throws {
        let plan: ChampionSwap.Plan
        do {
            plan = try ChampionSwap.plan(path: options.config, champion: name)
        } catch {
            throw ModelsStore.fail("\(error)")
        }
        let before = try ConfigLoader.load(path: options.config)
        guard let path = ModelsStore.databasePath(options, settings: before) else { throw ModelsStore.fail("no database") }
        do {
            let db = try SQLiteDatabase.openShadowStore(path: path)
            defer { db.close() }
            let evidence: Result<GateEvidence, GateEvidence.Missing>
            do {
                evidence = .success(try GateEvidence.load(shadow: name, run: evidenceRun, from: db))
            } catch let missing as GateEvidence.Missing {
                evidence = .failure(missing)
            }
            var verdict = GateVerdict.evaluate(before.promotion, shadow: name, evidence: evidence)
            print(GateReport.render(verdict, settings: before.promotion))
            if !verdict.passed {
                guard force else {
                    throw ModelsStore.fail("promotion of \(name) refused by the gate:\n  "
                                           + verdict.failures.joined(separator: "\n  ")
                                           + "\n(--force promotes anyway; the history records it)")
                }
                verdict.forced = true
                ModelsStore.warn("the gate failed; promoting \(name) anyway (--force)")
            }
            let promoted = ModelsStore.version(of: plan.newChampion, in: db)
            let entry = AliasHistory.Entry(
                model: name, version: promoted.version, digest: promoted.digest, previous: plan.oldChampion.name,
                action: .promote, actor: ModelsActor.current(), reason: reason,
                gateJSON: try GateReport.json(verdict),
                forced: verdict.forced, configPath: FileDigest.absolute(options.config))
            try ModelsStore.apply(plan, entry: entry, db: db, reload: reload)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ModelsStore.fail("\(error)")
        }
    }
}
