import ShadowSystemd
import Testing

struct MemoryNotifierTests {
    @Test func recordsDatagramsInOrder() throws {
        let notifier = MemoryNotifier(watchdogInterval: .seconds(5))
        try notifier.ready(status: "idle")
        try notifier.status("replaying 1 file")
        try notifier.stopping()
        #expect(notifier.datagrams == [[.ready, .status("idle")], [.status("replaying 1 file")], [.stopping]])
        #expect(notifier.lastStatus == "replaying 1 file")
        #expect(notifier.watchdogInterval == .seconds(5))
    }

    @Test func inactiveNotifierReportsNoDelivery() throws {
        let notifier = MemoryNotifier(isActive: false)
        #expect(try notifier.watchdogPing() == false)
        #expect(notifier.states == [.watchdog])
    }

    @Test func messagesJoinAssignmentsWithNewlines() {
        let text = NotifyState.message([.reloading(monotonicMicroseconds: 42), .status("a\r\nb\0c")])
        #expect(text == "RELOADING=1\nMONOTONIC_USEC=42\nSTATUS=a b c")
    }
}
