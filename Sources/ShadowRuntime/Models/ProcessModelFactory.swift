import ShadowCore

extension ModelFactory {
    /// Starts a process model's child (its reader and monitor threads start here).
    static func processModel(_ entry: ModelSettings, task: ModelTask, schema: FeatureSchema) throws
        -> ProcessReplayModel {
        guard let process = entry.process else {
            throw LoadError(model: entry.name, message: "kind process needs argv = [\"program\", …]")
        }
        guard let features = entry.features, !features.isEmpty else {
            throw LoadError(model: entry.name, message: "kind process needs features = [\"…\", …] (its input order)")
        }
        do {
            return try ProcessReplayModel(settings: entry, process: process, task: task, schema: schema)
        } catch {
            throw LoadError(model: entry.name, message: "\(error)")
        }
    }
}
