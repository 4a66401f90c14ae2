import FoundationEssentials

/// Constants and JSON coders shared by both ends of the control socket: one JSON object per line each way.
enum ControlWire {
    /// The protocol version every request and reply carries as `"v"`.
    static let version = 1
    /// The longest message accepted without a newline.
    static let maxLineBytes = 1 << 16

    /// A compact encoder (no newlines in the output; non-finite numbers as strings).
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// The decoder matching `encoder()`.
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// Encodes `value` as one line (terminated by a newline).
    static func line(_ value: some Encodable) throws -> [UInt8] {
        var bytes = [UInt8](try encoder().encode(value))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// A short description of why a message did not decode, naming the field when there is one.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "not valid JSON"
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return "not a JSON object"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "field \"\(path(context.codingPath))\" is not \(typeName(type))"
        case .keyNotFound(let key, let context):
            return "missing field \"\(path(context.codingPath + [key]))\""
        case .dataCorrupted(let context):
            return "field \"\(path(context.codingPath))\" is invalid"
        @unknown default:
            return "undecodable"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        default: "of the expected type"
        }
    }
}
