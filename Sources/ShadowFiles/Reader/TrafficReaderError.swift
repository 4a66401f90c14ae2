/// Why a traffic file cannot be read at all (bad lines are rejects, never errors).
public struct TrafficReaderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A bounded code, safe as a metric label.
    public enum Code: String, Sendable, CaseIterable {
        /// The file could not be opened or positioned.
        case open
        /// A read failed.
        case read
        /// `format = "auto"` and the extension is not one of .jsonl, .ndjson, .json, .csv.
        case unknownFormat = "unknown_format"
        /// A `[source.fields]` pointer is malformed or names no CSV column.
        case badFieldMapping = "bad_field_mapping"
        /// The CSV header row is missing or unusable.
        case badCSVHeader = "bad_csv_header"
    }

    public var code: Code
    /// The file concerned ("" for a mapping checked before any file is opened).
    public var file: String
    /// A sentence naming the file, field or setting.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, file: String, _ message: String) {
        self.code = code
        self.file = file
        self.message = message
    }

    /// `file: message`.
    public var description: String { file.isEmpty ? message : "\(file): \(message)" }
}
