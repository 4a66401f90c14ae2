import ShadowCore

/// Builds a run's manifest from its `RunInfo` as things are on disk now: the config file's text and digest, and
/// each input's size and XXH3-128. Never fails: what cannot be read is recorded as `null`, and a rerun refuses it.
public enum ManifestCapture {
    /// Largest config file kept in a manifest (as the loader's own limit).
    static let maxConfigBytes: Int64 = 16 << 20

    /// The manifest for `run`, models without versions (the store numbers them).
    public static func manifest(for run: RunInfo) -> RunManifest {
        RunManifest(config: config(at: run.configPath), inputs: run.inputs.map(input),
                    models: run.models.map(model))
    }

    /// The config entry for the file at `path` (text and digest nil when it cannot be read as UTF-8).
    public static func config(at path: String) -> RunManifest.Config {
        let absolute = path.isEmpty ? "" : FileDigest.absolute(path)
        let folder = absolute.isEmpty ? "" : directory(of: absolute)
        guard !absolute.isEmpty, let bytes = try? FileText.contents(path: absolute, limit: maxConfigBytes),
              let text = String(validating: bytes, as: UTF8.self) else {
            return RunManifest.Config(path: absolute, baseDirectory: folder, sha256: nil, text: nil)
        }
        return RunManifest.Config(path: absolute, baseDirectory: folder, sha256: SHA256.hex(bytes), text: text)
    }

    /// The entry for one input file (size and digest nil when it cannot be read).
    public static func input(_ path: String) -> RunManifest.Input {
        let absolute = FileDigest.absolute(path)
        guard let digest = try? FileDigest.xxh128(path: absolute) else {
            return RunManifest.Input(path: absolute, size: nil, xxh128: nil)
        }
        return RunManifest.Input(path: absolute, size: digest.size, xxh128: digest.hex)
    }

    /// The entry for one model, its version unknown yet.
    public static func model(_ info: ModelInfo) -> RunManifest.Model {
        RunManifest.Model(name: info.name, role: info.role.rawValue, kind: info.kind, location: info.location,
                          digest: info.digest, version: nil)
    }

    /// The folder of an absolute path.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
