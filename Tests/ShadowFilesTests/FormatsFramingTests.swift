import Foundation
import Testing
import ShadowCore
@testable import ShadowFiles

/// Framing details of captures: gzip members and truncation, chunked bodies, overlong lines, resumed positions.
@Suite struct FormatsFramingTests {
    private func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: FormatsFixtures.path(name))))
    }

    @Test func concatenatedGzipMembersAreAllRead() throws {
        let gz = try bytes("sample.gor.gz")
        let path = try Fixtures.temporaryFile("twice.gor.gz", gz + gz)
        let result = try readAll(path, settings: FormatsFixtures.gorSettings, schema: FormatsFixtures.iris)
        #expect(result.records.count == 4)
        #expect(result.rejects.isEmpty)
        // Sorted by time: each member's first request (t = 0 ms) before either second one (t = 10 ms).
        #expect(result.records.map(\.position.line) == [1, 24, 16, 39])
    }

    @Test func truncatedGzipIsAReadError() throws {
        let gz = try bytes("sample.gor.gz")
        let path = try Fixtures.temporaryFile("cut.gor.gz", Array(gz.prefix(gz.count - 40)))
        #expect(throws: TrafficReaderError.self) {
            _ = try readAll(path, settings: FormatsFixtures.gorSettings, schema: FormatsFixtures.iris)
        }
    }

    @Test func chunkedBodyAndLFOnlyFraming() throws {
        let body = #"{"inputs":[{"name":"input-0","shape":[1,4],"data":[1,2,3,4]}]}"#
        let half = body.utf8.count / 2
        let chunked = String(format: "%x", half) + "\r\n" + String(body.prefix(half)) + "\r\n"
            + String(format: "%x", body.utf8.count - half) + "\r\n" + String(body.dropFirst(half)) + "\r\n0\r\n\r\n"
        let text = "1 c1 1700000000000000000 -1\nPOST /infer HTTP/1.1\nTransfer-Encoding: chunked\n\n" + chunked
            + "\n🐵🙈🙉\n1 c2 1700000000001000000 -1\nPOST /infer HTTP/1.1\nContent-Length: 999\n\n{}\n🐵🙈🙉\n"
        let path = try Fixtures.temporaryFile("chunked.gor", text)
        let result = try readAll(path, settings: FormatsFixtures.gorSettings, schema: FormatsFixtures.iris)
        #expect(result.records.map(\.id) == ["c1"])
        #expect(result.records.first?.features == [1, 2, 3, 4])
        #expect(result.rejects.map(\.position.line) == [13])  // the meta line of c2
        #expect(result.rejects.first?.reason.contains("Content-Length says 999") == true)
    }

    @Test func overlongPhysicalLineIsSkippedUnbuffered() throws {
        var settings = FormatsFixtures.gorSettings
        settings.maxLineBytes = 300
        let sample = try String(decoding: bytes("sample.gor"), as: UTF8.self)
        let long = "1 big 1700000000000000000 -1\nPOST / HTTP/1.1\n\n" + String(repeating: "x", count: 200_000) + "\n🐵🙈🙉\n"
        let path = try Fixtures.temporaryFile("long.gor", long + sample)
        let result = try readAll(path, settings: settings, schema: FormatsFixtures.iris)
        #expect(result.records.map(\.id) == ["a1b2c3d4e5f60718293a4b5c", "0f1e2d3c4b5a69788796a5b4"])
        #expect(result.rejects.map(\.code) == [.lineTooLong])
        #expect(result.rejects.first?.position.line == 1)
        #expect(result.records.first?.position.line == 6)
    }

    @Test func resumedReaderStartsBeforeTheEarliestWaitingRecord() throws {
        let path = FormatsFixtures.path("sample.gor")
        let reader = try TrafficReader(path: path, settings: FormatsFixtures.gorSettings, schema: FormatsFixtures.iris)
        #expect(reader.position == (0, 0))
        let first = try #require(try reader.nextChunk(maxLines: 1))
        #expect(reader.decoder.decode(first).records.map(\.id) == ["a1b2c3d4e5f60718293a4b5c"])
        // The second request waits in the window; resuming starts at its meta line.
        let position = reader.position
        #expect(position.line == 15 && position.offset > 0)
        let resumed = try TrafficReader(path: path, settings: FormatsFixtures.gorSettings, schema: FormatsFixtures.iris,
                                        startOffset: position.offset, startLine: position.line)
        let rest = try #require(try resumed.nextChunk(maxLines: 10))
        let batch = resumed.decoder.decode(rest)
        #expect(batch.records.map(\.id) == ["0f1e2d3c4b5a69788796a5b4"])
        #expect(batch.records.first?.position.line == 16)
        #expect(try resumed.nextChunk(maxLines: 10) == nil)
        #expect(resumed.position.line == 23)
    }

    @Test func followedCaptureWaitsForTheRecordEnd() throws {
        let sample = try bytes("sample.gor")
        let newlines = sample.indices.filter { sample[$0] == UInt8(ascii: "\n") }
        let cut = newlines[14] + 60  // inside the second request's HTTP headers (line 16 on)
        let path = try Fixtures.temporaryFile("growing.gor", Array(sample.prefix(cut)))
        let reader = try TrafficReader(path: path, settings: FormatsFixtures.gorSettings, schema: FormatsFixtures.iris)
        reader.holdsIncompleteFinalLine = true
        var ids: [String] = []
        while let chunk = try reader.nextChunk(maxLines: 10) { ids += reader.decoder.decode(chunk).records.map(\.id) }
        #expect(ids == ["a1b2c3d4e5f60718293a4b5c"])
        #expect(reader.position.line == 15)  // the held record starts on line 16
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(sample.dropFirst(cut)))
        try handle.close()
        var rejects = 0
        while let chunk = try reader.nextChunk(maxLines: 10) {
            let batch = reader.decoder.decode(chunk)
            ids += batch.records.map(\.id)
            rejects += batch.rejects.count
        }
        #expect(ids == ["a1b2c3d4e5f60718293a4b5c", "0f1e2d3c4b5a69788796a5b4"])
        #expect(rejects == 0)
        #expect(reader.position.line == 23)
    }
}
