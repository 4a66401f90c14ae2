import FoundationEssentials
import ShadowCore

/// Reads stored run manifests and compares one with the files as they are now (`shadowctl replay --rerun`).
public enum RunManifests {
    /// A run that cannot be rerun, or a stored manifest that cannot be read.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// A sentence naming the run.
        public var description: String
    }

    /// The manifest stored with `run`.
    public static func load(run: Int64, from db: SQLiteDatabase) throws -> RunManifest {
        let rows = try db.query("SELECT manifest_json FROM runs WHERE id = ?", .integer(run)) { $0.text(at: 0) }
        guard let row = rows.first else { throw Failure(description: "run \(run) does not exist") }
        guard let text = row else {
            throw Failure(description: "run \(run) has no manifest (it was recorded before manifests existed)")
        }
        do {
            return try JSONDecoder().decode(RunManifest.self, from: Data(text.utf8))
        } catch {
            throw Failure(description: "run \(run): the stored manifest cannot be read (\(error))")
        }
    }

    /// Each way the files now differ from what run `run` replayed, one sentence each (empty: identical).
    /// `inputs` are the inputs measured now, in the manifest's order; `models` the models loaded now.
    public static func differences(from manifest: RunManifest, run: Int64, inputs: [RunManifest.Input],
                                   models: [ModelInfo]) -> [String] {
        var out: [String] = []
        if manifest.config.text == nil {
            out.append("the config \(manifest.config.path) could not be read when run \(run) began; its text is unknown")
        }
        for (before, now) in zip(manifest.inputs, inputs) {
            guard let oldDigest = before.xxh128 else {
                out.append("input \(before.path) could not be read when run \(run) began; its content is unknown")
                continue
            }
            guard let newDigest = now.xxh128 else {
                out.append("input \(before.path) cannot be read now")
                continue
            }
            if oldDigest != newDigest || before.size != now.size {
                out.append("input \(before.path) changed since run \(run): \(before.size.map(String.init) ?? "?") bytes, "
                           + "xxh128 \(short(oldDigest)) then; \(now.size.map(String.init) ?? "?") bytes, "
                           + "xxh128 \(short(newDigest)) now")
            }
        }
        for before in manifest.models {
            guard let now = models.first(where: { $0.name == before.name }) else {
                out.append("model \(before.name) is not among the models loaded now")
                continue
            }
            if now.digest != before.digest {
                let version = before.version.map { " (version \($0))" } ?? ""
                out.append("model \(before.name) (\(now.location)) changed since run \(run): digest "
                           + "\(short(before.digest))\(version) then, \(short(now.digest)) now")
            }
        }
        for now in models where !manifest.models.contains(where: { $0.name == now.name }) {
            out.append("model \(now.name) was not part of run \(run)")
        }
        return out
    }

    /// The first 12 hex digits of a digest.
    static func short(_ digest: String) -> String { String(digest.prefix(12)) }
}
