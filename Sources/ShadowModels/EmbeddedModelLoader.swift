import ShadowCore

/// Builds embedded models from their file bytes.
public enum EmbeddedModelLoader {
    /// Loads an xgboost/lightgbm/linear model from its file bytes; `source` names the file in errors.
    public static func load(kind: ModelSettings.Kind, bytes: [UInt8], source: String) throws -> any EmbeddedModel {
        switch kind {
        case .xgboost: return try XGBoostModel(json: bytes, source: source)
        case .lightgbm: return try LightGBMModel(text: bytes, source: source)
        case .linear: return try LinearModel(json: bytes, source: source)
        case .http, .process:
            throw ModelLoadError(.unsupported, file: source, field: "kind",
                                 message: "kind \"\(kind.rawValue)\" is not an embedded model")
        }
    }
}
