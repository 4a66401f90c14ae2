import ShadowCore
import ShadowModels

/// Builds the replay's models from their settings and the feature schema they share.
public enum ModelFactory {
    /// A model that could not be loaded or does not fit the comparison.
    public struct LoadError: Error, CustomStringConvertible, Equatable {
        public var model: String
        public var message: String
        public var description: String { "model \"\(model)\": \(message)" }
    }

    /// The loaded models (champion first) and the schema records must be read with.
    public struct Loaded: Sendable {
        public var models: [any ReplayModel]
        public var schema: FeatureSchema
    }

    /// Loads every model file, derives the feature schema as the union of their inputs, and binds each model to it.
    public static func load(_ settings: ShadowSettings) throws -> Loaded {
        var raw: [(ModelSettings, any EmbeddedModel, String)] = []
        let ordered = settings.models.filter { $0.role == .champion } + settings.models.filter { $0.role != .champion }
        for entry in ordered where entry.kind != .http && entry.kind != .process {
            guard let path = entry.path else {
                throw LoadError(model: entry.name, message: "kind \(entry.kind.rawValue) needs a model file (path)")
            }
            let bytes: [UInt8]
            do {
                bytes = try FileBytes.read(path)
            } catch {
                throw LoadError(model: entry.name, message: "\(error)")
            }
            let model: any EmbeddedModel
            do {
                model = try EmbeddedModelLoader.load(kind: entry.kind, bytes: bytes, source: path)
            } catch {
                throw LoadError(model: entry.name, message: "\(error)")
            }
            raw.append((entry, model, SHA256.hex(bytes)))
        }
        let remote = ordered.filter { $0.kind == .http || $0.kind == .process }
        let remoteTasks = try remote.map { ($0.name, try httpTask($0, compare: settings.compare, embedded: raw.first?.1.task)) }
        try checkTasks(raw.map { ($0.0.name, $0.1.task) } + remoteTasks, compare: settings.compare)
        let schema = FeatureSchema(union: raw.map { $0.1.featureNames } + remote.map { $0.features ?? [] })
        var byName: [String: any ReplayModel] = [:]
        for (entry, model, digest) in raw {
            let slots = model.featureNames.map { schema.slot(of: $0)! }
            byName[entry.name] = EmbeddedReplayModel(name: entry.name, role: entry.role, kind: entry.kind,
                                                     location: entry.path ?? "", digest: digest,
                                                     model: model.bound(toSlots: slots))
        }
        for (entry, (_, task)) in zip(remote, remoteTasks) {
            byName[entry.name] = entry.kind == .process
                ? try processModel(entry, task: task, schema: schema)
                : try httpModel(entry, task: task, schema: schema)
        }
        return Loaded(models: ordered.map { byName[$0.name]! }, schema: schema)
    }

    /// Every model must answer the task the comparison expects, with the same number of classes.
    static func checkTasks(_ tasks: [(String, ModelTask)], compare: CompareSettings) throws {
        guard let first = tasks.first else { return }
        for (name, task) in tasks {
            let fits: Bool
            switch (compare.task, task) {
            case (.binary, .binary), (.regression, .regression): fits = true
            case (.multiclass, .multiclass): fits = task == first.1
            default: fits = false
            }
            if !fits {
                throw LoadError(
                    model: name,
                    message: "predicts \(task), but compare.task is \(compare.task.rawValue)"
                        + (compare.task == .multiclass ? " with the champion's \(first.1)" : ""))
            }
        }
    }
}
