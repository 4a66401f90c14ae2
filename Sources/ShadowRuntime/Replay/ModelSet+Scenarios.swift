import ShadowCore
import ShadowSQLite

extension ModelSet {
    /// The manifest of a run replayed with drift scenarios: as the store would take it from disk, plus the
    /// scenarios and their first seed. Nil without scenarios (the store takes the manifest itself).
    func scenarioManifest(configPath: String, inputs: [String]) -> RunManifest? {
        guard let injector else { return nil }
        var manifest = ManifestCapture.manifest(for: RunInfo(startedAtMs: 0, configPath: configPath, inputs: inputs,
                                                             models: infos))
        manifest.scenarios = injector.settings
        manifest.seed = injector.settings.scenarios.first?.seed
        return manifest
    }
}
