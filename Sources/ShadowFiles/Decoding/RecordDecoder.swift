import ShadowCore

/// Turns a chunk's lines into records and rejects. Pure and immutable: call it concurrently for different chunks.
public struct RecordDecoder: Sendable {
    enum Storage: Sendable {
        case jsonl(JSONLRecordDecoder)
        case csv(CSVRecordDecoder)
    }

    let storage: Storage

    /// A JSON Lines decoder for `settings.fields`, filling features in `schema` order.
    public init(jsonlSettings settings: SourceSettings, schema: FeatureSchema) throws(TrafficReaderError) {
        storage = .jsonl(try JSONLRecordDecoder(settings: settings, schema: schema))
    }

    /// A CSV decoder for a file whose header row named `csvHeader`.
    public init(csvHeader: [String], settings: SourceSettings, schema: FeatureSchema,
                file: String = "") throws(TrafficReaderError) {
        storage = .csv(try CSVRecordDecoder(header: csvHeader, settings: settings, schema: schema, file: file))
    }

    /// Decodes every line of `chunk`: records in line order, rejects (oversized lines included) by line.
    public func decode(_ chunk: LineChunk) -> RecordBatch {
        switch storage {
        case .jsonl(let decoder): return decoder.decode(chunk)
        case .csv(let decoder): return decoder.decode(chunk)
        }
    }
}
