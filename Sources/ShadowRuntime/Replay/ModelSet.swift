import ShadowCore
import ShadowHTTPS
import ShadowScenario

/// The models a replay sends records to, with the comparison and the feature schema records are read with.
/// The daemon swaps the whole set on reload; a batch uses one set from start to end.
public struct ModelSet: Sendable {
    /// Champion first.
    public let models: [any ReplayModel]
    public let comparator: Comparator
    public let schema: FeatureSchema
    public let storeFeatures: Bool
    /// Drift scenarios applied to every decoded batch (`[[scenario]]`, `replay --scenario`); nil when none.
    public var injector: DriftInjector?

    public init(models: [any ReplayModel], comparator: Comparator, schema: FeatureSchema, storeFeatures: Bool) {
        precondition(models.first?.role == .champion, "the champion comes first")
        self.models = models
        self.comparator = comparator
        self.schema = schema
        self.storeFeatures = storeFeatures
    }

    /// Loads the configured model files (see `ModelFactory`).
    public static func load(_ settings: ShadowSettings) throws -> ModelSet {
        let loaded = try ModelFactory.load(settings)
        var set = ModelSet(models: loaded.models, comparator: Comparator(settings: settings.compare),
                           schema: loaded.schema, storeFeatures: settings.store.storeFeatures)
        set.injector = try DriftInjector.make(settings: settings.scenarios, schema: loaded.schema)
        return set
    }

    /// The `models` table rows for a run replayed with this set.
    public var infos: [ModelInfo] {
        models.map { model in
            if let embedded = model as? EmbeddedReplayModel {
                return ModelInfo(name: model.name, role: model.role, kind: embedded.kind.rawValue,
                                 location: embedded.location, digest: model.digest)
            }
            if let http = model as? HTTPReplayModel {
                return ModelInfo(name: model.name, role: model.role, kind: "http", location: http.url, digest: model.digest)
            }
            if let https = model as? HTTPSReplayModel {
                return ModelInfo(name: model.name, role: model.role, kind: "http", location: https.url, digest: model.digest)
            }
            if let process = model as? ProcessReplayModel {
                return ModelInfo(name: model.name, role: model.role, kind: "process", location: process.location,
                                 digest: model.digest)
            }
            return ModelInfo(name: model.name, role: model.role, kind: "other", location: "", digest: model.digest)
        }
    }

    var processor: BatchProcessor {
        BatchProcessor(models: models, comparator: comparator, storeFeatures: storeFeatures, injector: injector)
    }
}
