import Foundation

/// shadowctl's `--json` output: pretty-printed with sorted keys, one document per call.
enum PrettyJSON {
    /// Prints `value` as JSON on standard output.
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
