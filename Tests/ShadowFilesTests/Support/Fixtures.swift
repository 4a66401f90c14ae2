import Foundation
import ShadowCore
@testable import ShadowFiles

/// Test inputs: the repository's `fixtures/traffic` folder (found from this file's path) and temp files.
enum Fixtures {
    /// `fixtures/traffic` in the repository this test file belongs to.
    static let trafficFolder: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("fixtures/traffic")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        fatalError("fixtures/traffic not found above \(#filePath)")
    }()

    /// The path of fixture `name`.
    static func path(_ name: String) -> String { trafficFolder.appendingPathComponent(name).path }

    /// Writes `bytes` to a fresh temporary file named `name` and returns its path.
    static func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("shadowfiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Writes `text` to a fresh temporary file.
    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        try temporaryFile(name, Array(text.utf8))
    }
}

/// Everything a file decodes to, batch by batch.
struct ReadResult {
    var batches: [RecordBatch] = []
    var chunks: [LineChunk] = []

    var records: [TrafficRecord] { batches.flatMap(\.records) }
    var rejects: [Reject] { batches.flatMap(\.rejects) }

    /// The features JSON of every record, in order.
    var featuresJSON: [String] {
        batches.flatMap { batch in batch.records.indices.map { batch.featuresJSON(of: $0) } }
    }
}

/// Reads `path` to the end with `TrafficReader` and decodes every chunk.
func readAll(_ path: String, settings: SourceSettings = .init(), schema: FeatureSchema,
             maxLines: Int = 512, bufferSize: Int = 1 << 18) throws -> ReadResult {
    let reader = try TrafficReader(path: path, settings: settings, schema: schema, bufferSize: bufferSize)
    var result = ReadResult()
    while let chunk = try reader.nextChunk(maxLines: maxLines) {
        result.chunks.append(chunk)
        result.batches.append(reader.decoder.decode(chunk))
    }
    return result
}

/// Decodes the single JSON line `line` with default settings (or `settings`).
func decodeLine(_ line: String, settings: SourceSettings = .init(), schema: FeatureSchema) throws -> RecordBatch {
    let decoder = try RecordDecoder(jsonlSettings: settings, schema: schema)
    let bytes = Array(line.utf8)
    let chunk = LineChunk(sequence: 0, file: "mem.jsonl", bytes: bytes, lines: [0..<bytes.count], lineNumbers: [1],
                          lineOffsets: [0], endOffset: Int64(bytes.count), endLine: 1)
    return decoder.decode(chunk)
}
