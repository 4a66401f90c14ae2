import Foundation

/// Encodes and decodes a value through JSON, as the store will persist detector and policy state.
enum JSONDecoderShim {
    static func roundTrip<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }
}
