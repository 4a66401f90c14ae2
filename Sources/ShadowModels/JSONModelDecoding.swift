#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import FoundationEssentials
#endif

/// Decodes a model file's JSON, turning decoding errors into `ModelLoadError`s naming the field path.
enum JSONModelDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], source: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw loadError(error, source: source)
        }
    }

    /// A dotted path such as `learner.gradient_booster.model.trees[3].split_conditions`.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text.isEmpty ? "(document)" : text
    }

    static func loadError(_ error: DecodingError, source: String) -> ModelLoadError {
        switch error {
        case .keyNotFound(let key, let context):
            return ModelLoadError(.missingField, file: source, field: path(context.codingPath + [key]),
                                  message: "required field is missing")
        case .valueNotFound(let type, let context):
            return ModelLoadError(.invalidValue, file: source, field: path(context.codingPath),
                                  message: "expected \(type), found null")
        case .typeMismatch(let type, let context):
            return ModelLoadError(.invalidValue, file: source, field: path(context.codingPath),
                                  message: "expected \(type)")
        case .dataCorrupted(let context):
            let detail = context.underlyingError.map { "\($0)" } ?? context.debugDescription
            let code: ModelLoadError.Code = context.codingPath.isEmpty ? .malformed : .invalidValue
            return ModelLoadError(code, file: source, field: path(context.codingPath),
                                  message: context.codingPath.isEmpty ? "not valid JSON: \(detail)" : detail)
        @unknown default:
            return ModelLoadError(.malformed, file: source, field: "(document)", message: "\(error)")
        }
    }
}
