import Foundation
import Testing
import ShadowCore
@testable import ShadowFiles

/// Chunk boundaries: tiny chunks and read buffers give the same result as one big read; long lines,
/// CRLF, BOM, a missing final newline, follow mode and resuming from a position.
@Suite struct LineChunkingTests {
    static let schema = FeatureSchema(names: ["age", "plan", "spend", "vip"])

    /// Everything observable about a read, for comparing two reads.
    static func summary(_ result: ReadResult) -> [String] {
        let records = result.records.map { r in
            "\(r.id)|\(r.position.line)|\(r.position.byteOffset)|\(r.features.map { $0.isNaN ? "nan" : "\($0)" })"
        }
        let rejects = result.rejects.map { "\($0.position.line)|\($0.position.byteOffset)|\($0.code)|\($0.reason)" }
        return records + result.featuresJSON + rejects
    }

    @Test(arguments: ["canonical.jsonl", "rejects.jsonl", "traffic.csv"])
    func tinyChunksAndBuffersChangeNothing(file: String) throws {
        let path = Fixtures.path(file)
        let reference = Self.summary(try readAll(path, schema: Self.schema))
        for maxLines in [1, 2, 3, 7] {
            for bufferSize in [16, 17, 31, 64, 4096] {
                let result = try readAll(path, schema: Self.schema, maxLines: maxLines, bufferSize: bufferSize)
                #expect(Self.summary(result) == reference, "maxLines \(maxLines), buffer \(bufferSize)")
                #expect(result.chunks.allSatisfy { $0.lines.count + $0.oversized.count <= maxLines })
                #expect(result.chunks.map(\.sequence) == Array(0..<result.chunks.count))
                let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
                #expect(result.chunks.last?.endOffset == Int64(size))
            }
        }
    }

    @Test func longLinesAreSkippedWithoutBuffering() throws {
        let long = #"{"id":"long","features":{"x":""# + String(repeating: "a", count: 300) + #""}}"#
        let text = #"{"id":"a","features":{}}"# + "\n" + long + "\n" + #"{"id":"b","features":{}}"# + "\n" + long
        let path = try Fixtures.temporaryFile("long.jsonl", text)
        var settings = SourceSettings()
        settings.maxLineBytes = 100
        for bufferSize in [16, 50, 1000] {
            let result = try readAll(path, settings: settings, schema: Self.schema, maxLines: 2, bufferSize: bufferSize)
            #expect(result.records.map(\.id) == ["a", "b"])
            #expect(result.records.map(\.position.line) == [1, 3])
            #expect(result.records.map(\.position.byteOffset) == [0, 359])
            #expect(result.rejects.map(\.position.line) == [2, 4])
            #expect(result.rejects.map(\.position.byteOffset) == [25, 384])
            #expect(result.rejects.allSatisfy { $0.code == .lineTooLong })
            #expect(result.rejects.first?.reason == "line of 333 bytes is longer than max_line_bytes (100)")
            #expect(result.chunks.last?.endOffset == Int64(text.utf8.count))
            #expect(result.chunks.last?.endLine == 4)
            #expect(result.chunks.allSatisfy { $0.bytes.count <= 2 * 100 + bufferSize })
        }
    }

    @Test func crlfBomAndNoFinalNewline() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"id\":\"a\",\"features\":{}}\r\n\r\n{\"id\":\"b\",\"features\":{}}".utf8)
        let path = try Fixtures.temporaryFile("bom.jsonl", bytes)
        let result = try readAll(path, schema: Self.schema)
        #expect(result.rejects.isEmpty)
        #expect(result.records.map(\.id) == ["a", "b"])
        #expect(result.records.map(\.position.line) == [1, 3])
        #expect(result.records.map(\.position.byteOffset) == [0, 31])
        #expect(result.featuresJSON == ["{}", "{}"])
        #expect(result.chunks.last?.endLine == 3)
    }

    @Test func followModeHoldsAnIncompleteLine() throws {
        let path = try Fixtures.temporaryFile("grow.jsonl", #"{"id":"a","features":{}}"# + "\n" + #"{"id":"b","#)
        let reader = try TrafficReader(path: path, settings: .init(), schema: Self.schema, bufferSize: 16)
        reader.holdsIncompleteFinalLine = true
        let first = try #require(try reader.nextChunk(maxLines: 10))
        #expect(first.lines.count == 1 && first.endOffset == 25 && first.endLine == 1)
        #expect(try reader.nextChunk(maxLines: 10) == nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((#""features":{"age":2}}"# + "\n").utf8))
        try handle.close()
        let second = try #require(try reader.nextChunk(maxLines: 10))
        let batch = reader.decoder.decode(second)
        #expect(batch.records.map(\.id) == ["b"])
        #expect(batch.records.first?.position == SourcePosition(file: path, line: 2, byteOffset: 25))
        #expect(reader.position.offset == 57 && reader.position.line == 2)
    }

    @Test(arguments: ["rejects.jsonl", "traffic.csv"])
    func resumeFromAChunkPosition(file: String) throws {
        let path = Fixtures.path(file)
        let full = try readAll(path, schema: Self.schema, maxLines: 3)
        let cut = full.chunks[1]
        let reader = try TrafficReader(path: path, settings: .init(), schema: Self.schema, startOffset: cut.endOffset,
                                       startLine: cut.endLine)
        var rest = ReadResult()
        while let chunk = try reader.nextChunk(maxLines: 3) { rest.batches.append(reader.decoder.decode(chunk)) }
        let tail = ReadResult(batches: Array(full.batches.dropFirst(2)))
        #expect(Self.summary(rest) == Self.summary(tail))
        #expect(!(rest.records.isEmpty && rest.rejects.isEmpty))
    }
}
