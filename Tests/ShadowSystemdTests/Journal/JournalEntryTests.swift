import Logging
import ShadowSystemd
import Testing

struct JournalEntryTests {
    func event(
        _ level: Logger.Level = .info, _ message: Logger.Message = "hello", metadata: Logger.Metadata? = nil,
        error: (any Error)? = nil
    ) -> LogEvent {
        LogEvent(
            level: level, message: message, error: error, metadata: metadata, source: nil,
            file: "ShadowRuntime/Engine.swift", function: "run()", line: 42)
    }

    @Test func wellKnownFieldsComeFirstInOrder() {
        let entry = JournalEntry(event: event(.error), label: "shadowd.engine", metadata: [:])
        #expect(entry.fields.map(\.name) == [
            "PRIORITY", "MESSAGE", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "SHADOWD_LOGGER",
        ])
        #expect(entry["PRIORITY"] == "3")
        #expect(entry["MESSAGE"] == "hello")
        #expect(entry["SYSLOG_IDENTIFIER"] == "shadowd")
        #expect(entry["CODE_FILE"] == "ShadowRuntime/Engine.swift")
        #expect(entry["CODE_LINE"] == "42")
        #expect(entry["CODE_FUNC"] == "run()")
        #expect(entry["SHADOWD_LOGGER"] == "shadowd.engine")
    }

    @Test func priorityMetadataOverridesTheLevelWithinSyslogRange() {
        let alert = JournalEntry(event: event(.critical, metadata: ["priority": "1"]), label: "l", metadata: [:])
        #expect(alert["PRIORITY"] == "1")
        #expect(alert["SHADOWD_PRIORITY"] == nil)
        let outOfRange = JournalEntry(event: event(.warning, metadata: ["priority": "9"]), label: "l", metadata: [:])
        #expect(outOfRange["PRIORITY"] == "4")
        #expect(outOfRange["SHADOWD_PRIORITY"] == "9")
    }

    @Test func messageIDIsLiftedOnlyWhenValid() {
        let dashed = JournalEntry(
            event: event(metadata: ["message_id": "8C2F1E0A-9B7D-4C3E-A1F0-2B3C4D5E6F70"]), label: "l", metadata: [:])
        #expect(dashed["MESSAGE_ID"] == "8c2f1e0a9b7d4c3ea1f02b3c4d5e6f70")
        #expect(dashed["SHADOWD_MESSAGE_ID"] == nil)
        let bad = JournalEntry(event: event(metadata: ["message_id": "not-an-id"]), label: "l", metadata: [:])
        #expect(bad["MESSAGE_ID"] == nil)
        #expect(bad["SHADOWD_MESSAGE_ID"] == "not-an-id")
    }

    @Test func metadataBecomesSortedShadowdFieldsWithEventWinning() {
        let entry = JournalEntry(
            event: event(metadata: ["run-id": "7", "model": "b", "count": .stringConvertible(12)]),
            label: "l", metadata: ["model": "a", "source": "spool"])
        let metadataFields = entry.fields.filter { $0.name.hasPrefix("SHADOWD_") && $0.name != "SHADOWD_LOGGER" }
        #expect(metadataFields == [
            JournalField("SHADOWD_COUNT", "12"), JournalField("SHADOWD_MODEL", "b"),
            JournalField("SHADOWD_RUN_ID", "7"), JournalField("SHADOWD_SOURCE", "spool"),
        ])
    }

    @Test func nestedValuesAreFlattened() {
        let entry = JournalEntry(
            event: event(metadata: ["models": ["a", "b"], "limits": ["p99": "3"]]), label: "l", metadata: [:])
        #expect(entry["SHADOWD_MODELS"] == #"["a", "b"]"#)
        #expect(entry["SHADOWD_LIMITS"] == #"["p99": "3"]"#)
    }

    @Test func errorsAreRecorded() {
        struct Broken: Error, CustomStringConvertible { var description: String { "disk full" } }
        let entry = JournalEntry(event: event(error: Broken()), label: "l", metadata: [:])
        #expect(entry["SHADOWD_ERROR"] == "disk full")
    }

    @Test(arguments: [
        (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func levelsMapToSyslogPriorities(level: Logger.Level, priority: Int) {
        #expect(level.syslogPriority == priority)
    }
}

struct JournalFieldTests {
    @Test(arguments: [
        ("model", "SHADOWD_MODEL"), ("model.name", "SHADOWD_MODEL_NAME"), ("run-id", "SHADOWD_RUN_ID"),
        ("Latency_P99", "SHADOWD_LATENCY_P99"), ("größe", "SHADOWD_GR__E"), ("", "SHADOWD_"),
        (String(repeating: "k", count: 80), "SHADOWD_" + String(repeating: "K", count: 56)),
    ])
    func metadataKeysBecomeValidFieldNames(key: String, name: String) {
        #expect(JournalField.metadataName(for: key) == name)
    }

    @Test(arguments: [
        ("0123456789abcdef0123456789ABCDEF", "0123456789abcdef0123456789abcdef"),
        ("01234567-89ab-cdef-0123-456789abcdef", "0123456789abcdef0123456789abcdef"),
        ("0123456789abcdef0123456789abcde", nil), ("0123456789abcdef0123456789abcdeg", nil),
        ("01234567_89ab-cdef-0123-456789abcdef", nil), ("", nil),
    ] as [(String, String?)])
    func messageIDsNormalize(text: String, id: String?) {
        #expect(JournalField.messageID(from: text) == id)
    }
}
