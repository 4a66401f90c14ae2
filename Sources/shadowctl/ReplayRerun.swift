import ArgumentParser
import Foundation
import ShadowConfig
import ShadowCore
import ShadowMonitor
import ShadowRuntime
import ShadowSQLite

/// `shadowctl replay --rerun RUN`: replays a run's inputs again with the config text stored in its manifest, in
/// this process, after checking that no input or model file changed (`--force` goes on with a warning).
struct ReplayRerun {
    var run: Int64
    var database: String
    var force: Bool
    var quiet: Bool
    var json: Bool

    /// The `--json` output.
    struct Output: Encodable {
        var database: String
        var rerunOf: Int64
        var differences: [String]
        var summary: RunSummary
        var original: RunSummary?
        /// What the paced rerun measured (the run had a load profile); absent for an unpaced one.
        var load: LoadReport?
    }

    func execute() async throws {
        let manifest: RunManifest
        let original: RunSummary?
        do {
            let db = try SQLiteDatabase.openShadowStore(path: database)
            defer { db.close() }
            manifest = try RunManifests.load(run: run, from: db)
            original = try db.scalar("SELECT summary_json FROM runs WHERE id = ?", .integer(run))?.stringValue
                .flatMap { try? JSONDecoder().decode(RunSummary.self, from: Data($0.utf8)) }
        } catch {
            throw ModelsStore.fail("\(database): \(error)")
        }
        let inputs = manifest.inputs.map { ManifestCapture.input($0.path) }
        var config = manifest.config
        if config.text == nil {
            guard force else {
                throw ModelsStore.fail("run \(run) cannot be rerun exactly: its config \(config.path) was not readable "
                                       + "when it began (--force reruns with the file as it is now)")
            }
            config = ManifestCapture.config(at: config.path)
        }
        var settings: ShadowSettings
        let modelSet: ModelSet
        do {
            settings = try ConfigLoader.parse(config.text ?? "", file: config.path, baseDirectory: config.baseDirectory)
            settings.store.path = database
            // The scenarios as the run applied them: the config's [[scenario]] tables plus any `--scenario` file.
            if let scenarios = manifest.scenarios { settings.scenarios = scenarios }
            modelSet = try ModelSet.load(settings)
        } catch {
            throw ModelsStore.fail("run \(run): \(error)")
        }
        let load: LoadSettings
        do {
            load = try pacing(manifest: manifest, config: config)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ModelsStore.fail("run \(run): \(error)")
        }
        let differences = RunManifests.differences(from: manifest, run: run, inputs: inputs, models: modelSet.infos)
        if !differences.isEmpty {
            guard force else {
                throw ModelsStore.fail("run \(run) cannot be rerun as it was:\n  " + differences.joined(separator: "\n  ")
                                       + "\n(--force reruns anyway, with these differences)")
            }
            for difference in differences { ModelsStore.warn(difference + " (rerunning anyway: --force)") }
        }
        let pinned = RunManifest(config: config, inputs: inputs, models: [], profile: manifest.profile,
                                 seed: manifest.seed, rerunOf: run, scenarios: manifest.scenarios)
        let summary: RunSummary
        let report: LoadReport?
        do {
            (summary, report) = try await replay(settings: settings, load: load, modelSet: modelSet, manifest: pinned,
                                                 inputs: manifest.inputs.map(\.path), configPath: config.path)
        } catch {
            throw ModelsStore.fail("\(error)")
        }
        if json {
            try PrettyJSON.print(Output(database: database, rerunOf: run, differences: differences, summary: summary,
                                        original: original, load: report))
        } else {
            print(SummaryText.render(summary, database: database))
            if let report { print("\n" + report.text) }
            if let original { print(RerunComparison.render(rerun: summary, original: original)) }
        }
    }

    /// The `[load]` settings the run was paced with: none when its manifest names no profile (or `none`), else
    /// the `[load]` table of the config text in the manifest, which must describe the same profile (`--force`
    /// goes on with the config's profile and a warning).
    func pacing(manifest: RunManifest, config: RunManifest.Config) throws -> LoadSettings {
        guard let profile = manifest.profile, profile != "none" else { return LoadSettings() }
        let load = try ConfigLoader.parseLoad(config.text ?? "", file: config.path)
        guard load.describe != profile else { return load }
        let message = "run \(run) was paced with [load] \(profile), the config now gives \(load.describe)"
        guard force else { throw ModelsStore.fail(message + " (--force reruns with the config's profile)") }
        ModelsStore.warn(message + " (rerunning with the config's profile: --force)")
        return load
    }

    /// The replay itself, as `--local` runs it (paced by `load` when it has a profile, its report stored with
    /// the run), with the manifest pinned on the new run.
    func replay(settings: ShadowSettings, load: LoadSettings, modelSet: ModelSet, manifest: RunManifest,
                inputs: [String], configPath: String) async throws -> (RunSummary, LoadReport?) {
        let store = try SQLiteStore(path: database, settings: settings.store)
        defer { store.close() }
        let watching = try DriftMonitor.localObservers(settings: settings, store: store)
        let pinning = ManifestPinningStore(store, manifest: manifest)
        let display = quiet ? nil : ProgressDisplay()
        do {
            let summary: RunSummary
            var report: LoadReport?
            if load.profile != .none {
                let paced = LoadReplay(settings: settings, load: load, modelSet: modelSet, store: pinning,
                                       observers: watching.observers)
                (summary, report) = try await paced.run(inputs: inputs, configPath: configPath) { display?.show($0) }
            } else {
                let engine = ReplayEngine(settings: settings, modelSet: modelSet, store: pinning,
                                          observers: watching.observers)
                summary = try await engine.run(inputs: inputs, configPath: configPath) { display?.show($0) }
            }
            await watching.finish()
            if let report { try LoadStoreWriter.write(report, run: summary.run, path: database) }
            return (summary, report)
        } catch {
            await watching.finish()
            throw error
        }
    }
}

/// The line after a rerun's summary: its counts beside the original run's.
enum RerunComparison {
    static func render(rerun: RunSummary, original: RunSummary) -> String {
        func pair(_ name: String, _ a: Int, _ b: Int) -> String {
            "\(name) \(NumberFormat.grouped(a)) \(a == b ? "=" : "≠") \(NumberFormat.grouped(b))"
        }
        var parts = [pair("records", rerun.records, original.records), pair("rejects", rerun.rejects, original.rejects)]
        for shadow in rerun.shadows {
            let before = original.shadows.first { $0.name == shadow.name }?.total ?? 0
            parts.append(pair("\(shadow.name) disagreements", shadow.total, before))
        }
        let same = rerun.records == original.records && rerun.rejects == original.rejects
            && rerun.shadows.map(\.total) == rerun.shadows.map { s in original.shadows.first { $0.name == s.name }?.total ?? 0 }
        return "run \(rerun.run) reruns run \(original.run): " + parts.joined(separator: ", ")
            + (same ? " (same counts)" : " (counts differ)")
    }
}
