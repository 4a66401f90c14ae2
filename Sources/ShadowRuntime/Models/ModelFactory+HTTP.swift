import ShadowCore
import ShadowHTTP
import ShadowHTTPS

extension ModelFactory {
    /// The task an HTTP model answers: the comparison's, with the class count from `classes` or an embedded model.
    static func httpTask(_ entry: ModelSettings, compare: CompareSettings, embedded: ModelTask?) throws -> ModelTask {
        switch compare.task {
        case .binary: return .binary
        case .regression: return .regression
        case .multiclass:
            if let k = entry.http?.classes ?? entry.process?.classes { return .multiclass(classes: k) }
            if case .multiclass? = embedded { return embedded! }
            throw LoadError(model: entry.name, message: "compare.task is multiclass: set classes = N for an http or process model")
        }
    }

    /// Connects an HTTP model: `http://` on the lean client (its pool and thread start here), `https://` on the TLS
    /// client (its pool opens connections on the first requests).
    static func httpModel(_ entry: ModelSettings, task: ModelTask, schema: FeatureSchema) throws -> any ReplayModel {
        guard let http = entry.http else {
            throw LoadError(model: entry.name, message: "kind http needs url and protocol")
        }
        guard let features = entry.features, !features.isEmpty else {
            throw LoadError(model: entry.name, message: "kind http needs features = [\"…\", …] (its input order)")
        }
        do {
            if http.isTLS { return try HTTPSReplayModel(settings: entry, http: http, task: task, schema: schema) }
            return try HTTPReplayModel(settings: entry, http: http, task: task, schema: schema)
        } catch {
            throw LoadError(model: entry.name, message: "\(error)")
        }
    }
}
