import Foundation
import ShadowCore
import ShadowFiles
import Testing
@testable import ShadowDaemon

/// A followed gzip capture is judged by its size on disk, not by its reader's inflated offset.
@Suite struct FollowedFileTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/formats")

    func copy(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "followed-" + UUID().uuidString + "-" + name
        try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent(name).path, toPath: path)
        return path
    }

    func readToEnd(_ path: String) throws -> TrafficReader {
        var settings = SourceSettings()
        settings.fields.features = "/inputs/0/data"
        let names = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
        settings.fields.featureNames = names
        let reader = try TrafficReader(path: path, settings: settings, schema: FeatureSchema(names: names))
        reader.holdsIncompleteFinalLine = true
        while try reader.nextChunk(maxLines: 100) != nil {}
        return reader
    }

    @Test func unchangedGzipIsNotReread() throws {
        let path = try copy("sample.gor.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try readToEnd(path)
        var file = FollowedFile(path: path, reader: reader)
        #expect(file.gzip)
        // The inflated position is past the compressed size: a plain file this short would be truncated.
        #expect(reader.position.offset > FollowedFile.size(path)!)
        #expect(file.change(position: reader.position.offset) == .same)
        #expect(file.change(position: reader.position.offset) == .same)
    }

    @Test func gzipGrowthTruncationAndRotation() throws {
        let path = try copy("sample.gor.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let member = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try readToEnd(path)
        var file = FollowedFile(path: path, reader: reader)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: member)
        try handle.close()
        #expect(file.change(position: reader.position.offset) == .same)   // grown: the reader goes on
        let truncate = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try truncate.truncate(atOffset: 10)
        try truncate.close()
        #expect(file.change(position: reader.position.offset) == .truncated)
        try FileManager.default.removeItem(atPath: path)
        try member.write(to: URL(fileURLWithPath: path))
        #expect(file.change(position: reader.position.offset) == .rotated)
    }

    @Test func plainFileTruncationByPosition() throws {
        let path = try copy("sample.gor")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try readToEnd(path)
        var file = FollowedFile(path: path, reader: reader)
        #expect(!file.gzip)
        #expect(file.change(position: reader.position.offset) == .same)
        #expect(file.change(position: FollowedFile.size(path)! + 1) == .truncated)
    }
}
