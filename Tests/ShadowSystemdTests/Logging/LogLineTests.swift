import Glibc
import Logging
import ShadowSystemd
import Testing

struct LogLineTests {
    @Test func formatsTimeLevelMessageAndSortedMetadata() {
        let line = LogLine.format(
            level: .warning, message: "model disagreed",
            metadata: ["rows": "12", "model": "churn-v42", "path": "/var/lib/my file.jsonl", "empty": ""],
            seconds: 1_738_367_999, nanoseconds: 123_456_789)
        #expect(line == #"2025-01-31T23:59:59.123Z warning model disagreed empty="" model=churn-v42 path="/var/lib/my file.jsonl" rows=12"# + "\n")
    }

    @Test func escapesLineBreaksQuotesAndControls() {
        let line = LogLine.format(
            level: .error, message: "bad\nconfig", metadata: ["why": "key \"a\\b\"\tx=1\u{1}"],
            seconds: 0, nanoseconds: 0)
        #expect(line == #"1970-01-01T00:00:00.000Z error bad\nconfig why="key \"a\\b\"\tx=1\x01""# + "\n")
    }

    @Test func stderrHandlerWritesOneLinePerEvent() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]) }
        var logger = Logger(label: "t") { StderrLogHandler(label: $0, level: .notice, fileDescriptor: fds[1]) }
        logger[metadataKey: "run"] = "3"
        logger.info("dropped below level")
        logger.notice("reloaded", metadata: ["models": "2"])
        logger.error("failed", error: SupportError("disk full"))
        close(fds[1])
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while case let count = read(fds[0], &chunk, chunk.count), count > 0 { bytes += chunk[..<count] }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        try #require(lines.count == 2)
        #expect(lines[0].hasSuffix(" notice reloaded models=2 run=3"))
        #expect(lines[1].hasSuffix(#" error failed error="disk full" run=3"#))
        #expect(lines[0].count > 24 && lines[0].dropFirst(23).hasPrefix("Z "))
    }
}
