import Foundation
import Logging
import ShadowControl
import Testing
@testable import ShadowDaemon

@Suite struct SpoolFolderTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "spool-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func takesVisibleRegularFilesInNameOrder() throws {
        let path = try folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let spool = SpoolFolder(path: path)
        #expect(spool.next() == nil)
        for name in ["b.jsonl", ".partial", "a.jsonl"] {
            _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data("x\n".utf8))
        }
        try FileManager.default.createDirectory(atPath: path + "/done", withIntermediateDirectories: true)
        #expect(spool.next() == path + "/a.jsonl")
    }

    @Test func settlesFilesByHowTheirJobEnded() throws {
        let path = try folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let spool = SpoolFolder(path: path)
        let logger = Logger(label: "test")
        for name in ["ok.jsonl", "bad.csv", "stopped.jsonl"] {
            _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data("x\n".utf8))
        }
        spool.settle(path + "/ok.jsonl", state: .done, error: nil, logger: logger)
        spool.settle(path + "/bad.csv", state: .failed, error: "no header row", logger: logger)
        spool.settle(path + "/stopped.jsonl", state: .running, error: nil, logger: logger)
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: path + "/done/ok.jsonl"))
        #expect(fm.fileExists(atPath: path + "/failed/bad.csv"))
        #expect(try String(contentsOfFile: path + "/failed/bad.csv.reason", encoding: .utf8) == "no header row\n")
        #expect(fm.fileExists(atPath: path + "/stopped.jsonl"))   // resumed from its checkpoint next time
        #expect(spool.next() == path + "/stopped.jsonl")
    }

    @Test func globsMatchRegularFilesOnly() throws {
        let path = try folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        for name in ["x-1.jsonl", "x-2.jsonl", "y.jsonl"] {
            _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data())
        }
        try FileManager.default.createDirectory(atPath: path + "/x-3.jsonl", withIntermediateDirectories: true)
        #expect(Glob.expand(path + "/x-*.jsonl") == [path + "/x-1.jsonl", path + "/x-2.jsonl"])
        #expect(Glob.expand(path + "/none-*.jsonl") == [])
    }
}
