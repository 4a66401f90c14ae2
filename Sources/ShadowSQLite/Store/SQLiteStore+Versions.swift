import FoundationEssentials
import ShadowCore

extension SQLiteStore {
    /// The version of a model under its name: the existing one for a digest seen before, else the next number
    /// (1 for a new name), recorded in `model_versions` with the run that first used it.
    static func version(of model: RunManifest.Model, run: Int64, at time: String, in db: SQLiteDatabase) throws -> Int {
        if let known = try db.scalar("SELECT version FROM model_versions WHERE name = ? AND digest = ?",
                                     .text(model.name), .text(model.digest))?.intValue {
            return known
        }
        let next = (try db.scalar("SELECT max(version) FROM model_versions WHERE name = ?",
                                  .text(model.name))?.intValue ?? 0) + 1
        try db.run("""
            INSERT INTO model_versions(name, version, kind, location, digest, first_seen, first_run)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, .text(model.name), .integer(Int64(next)), .text(model.kind), .text(model.location),
            .text(model.digest), .text(time), .integer(run))
        return next
    }

    /// The manifest to store for `run`: the one it carries (a rerun's) or one taken from disk now; its models are
    /// always the run's own (versions filled in by the store).
    static func manifest(for run: RunInfo) -> RunManifest {
        var manifest = run.manifest ?? ManifestCapture.manifest(for: run)
        manifest.models = run.models.map(ManifestCapture.model)
        return manifest
    }

    /// Numbers the run's models, stores the versions in `models.version` and the manifest in `runs.manifest_json`.
    static func recordVersions(run id: Int64, manifest: RunManifest, in db: SQLiteDatabase) throws {
        let now = try db.scalar("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")?.stringValue ?? ""
        var manifest = manifest
        let update = try db.prepare("UPDATE models SET version = ? WHERE run_id = ? AND name = ?")
        for (i, model) in manifest.models.enumerated() {
            let version = try version(of: model, run: id, at: now, in: db)
            manifest.models[i].version = version
            try update.bind([.integer(Int64(version)), .integer(id), .text(model.name)])
            _ = try update.step()
            update.reset()
        }
        try db.run("UPDATE runs SET manifest_json = ? WHERE id = ?", .text(try json(manifest)), .integer(id))
    }
}
