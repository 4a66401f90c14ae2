import ShadowSystemd
import Testing

struct ShadowLoggingTests {
    let stderrIdentity: (device: UInt64, inode: UInt64) = (device: 25, inode: 18_402)

    @Test func journalWhenStderrIsTheJournalStream() {
        #expect(ShadowLogging.destination(
            journalStream: "25:18402", invocationID: nil, stderrIdentity: stderrIdentity, journalSocketPresent: true)
            == .journal)
    }

    @Test func stderrWhenTheStreamIsInheritedButStderrWasRedirected() {
        #expect(ShadowLogging.destination(
            journalStream: "25:99", invocationID: nil, stderrIdentity: stderrIdentity, journalSocketPresent: true)
            == .stderr)
        #expect(ShadowLogging.destination(
            journalStream: "garbage", invocationID: nil, stderrIdentity: stderrIdentity, journalSocketPresent: true)
            == .stderr)
        #expect(ShadowLogging.destination(
            journalStream: "25:18402", invocationID: nil, stderrIdentity: nil, journalSocketPresent: true)
            == .stderr)
    }

    @Test func journalWhenRunningAsAUnit() {
        #expect(ShadowLogging.destination(
            journalStream: nil, invocationID: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", stderrIdentity: nil,
            journalSocketPresent: true) == .journal)
        #expect(ShadowLogging.destination(
            journalStream: nil, invocationID: "", stderrIdentity: nil, journalSocketPresent: true) == .stderr)
    }

    @Test func stderrWhenNoJournaldListens() {
        #expect(ShadowLogging.destination(
            journalStream: "25:18402", invocationID: "x", stderrIdentity: stderrIdentity, journalSocketPresent: false)
            == .stderr)
    }

    @Test func handlersMatchTheirDestination() {
        #expect(ShadowLogging.makeHandler(label: "a", level: .debug, destination: .journal) is JournalLogHandler)
        let handler = ShadowLogging.makeHandler(label: "a", level: .debug, destination: .stderr)
        #expect(handler is StderrLogHandler)
        #expect(handler.logLevel == .debug)
    }
}
