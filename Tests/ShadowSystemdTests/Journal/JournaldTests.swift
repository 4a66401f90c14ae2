import Foundation
import Logging
import ShadowSystemd
import Testing

/// Entries sent through `sd_journal_sendv` to a real, private journald and read back with `journalctl`.
@Suite(.enabled(if: PrivateJournal.unavailableReason == nil,
                Comment(rawValue: "private journald unavailable: \(PrivateJournal.unavailableReason ?? "-")")))
struct JournaldTests {
    @Test func structuredEntriesReachJournald() throws {
        let run = UUID().uuidString
        let id = "8c2f1e0a9b7d4c3e a1f0 2b3c4d5e6f70".replacingOccurrences(of: " ", with: "")
        let big = String(repeating: "0123456789", count: 30_000)
        let entries = try PrivateJournal.capture {
            var logger = Logger(label: "shadowd.test") { JournalLogHandler(label: $0, level: .trace) }
            logger[metadataKey: "test_run"] = "\(run)"
            logger.warning("model disagreed", metadata: ["message_id": "\(id)", "model.name": "churn-v42", "rows": "12"])
            logger.info("line one\nline two")
            logger.debug("large field", metadata: ["blob": "\(big)"])
        }.filter { $0["SHADOWD_TEST_RUN"] as? String == run }
        try #require(entries.count == 3)

        let warning = entries[0]
        #expect(warning["MESSAGE"] as? String == "model disagreed")
        #expect(warning["PRIORITY"] as? String == "4")
        #expect(warning["MESSAGE_ID"] as? String == id)
        #expect(warning["SYSLOG_IDENTIFIER"] as? String == "shadowd")
        #expect(warning["SHADOWD_MODEL_NAME"] as? String == "churn-v42")
        #expect(warning["SHADOWD_ROWS"] as? String == "12")
        #expect(warning["SHADOWD_LOGGER"] as? String == "shadowd.test")
        #expect(warning["SHADOWD_MESSAGE_ID"] == nil)
        #expect((warning["CODE_FILE"] as? String)?.hasSuffix("JournaldTests.swift") == true)
        #expect(Int(warning["CODE_LINE"] as? String ?? "") ?? 0 > 0)
        #expect((warning["CODE_FUNC"] as? String)?.hasPrefix("structuredEntriesReachJournald") == true)
        #expect(warning["_TRANSPORT"] as? String == "journal")

        #expect(entries[1]["MESSAGE"] as? String == "line one\nline two")
        #expect(entries[1]["PRIORITY"] as? String == "6")
        #expect(entries[2]["PRIORITY"] as? String == "7")
        #expect(entries[2]["SHADOWD_BLOB"] as? String == big)
    }
}

/// When journald's socket exists but refuses entries, the handler writes them to its fallback descriptor.
@Suite(.enabled(if: PrivateJournal.unavailableReason == nil,
                Comment(rawValue: "private mount namespace unavailable: \(PrivateJournal.unavailableReason ?? "-")")))
struct JournalFallbackTests {
    @Test func refusedEntriesFallBackToLines() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let writeEnd = fds[1]
        try PrivateJournal.withDeadJournal {
            let logger = Logger(label: "shadowd.test") {
                JournalLogHandler(label: $0, level: .info, fallbackDescriptor: writeEnd)
            }
            logger.error("store unavailable", metadata: ["path": "/var/lib/shadowd/shadowd.db"])
        }
        close(writeEnd)
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = read(fds[0], &chunk, chunk.count)
        let text = String(decoding: chunk[..<max(0, count)], as: UTF8.self)
        #expect(text.hasSuffix(" error store unavailable path=/var/lib/shadowd/shadowd.db\n"))
    }
}
