import Glibc
import ShadowSystemd
import Testing

/// Real `sd_notify` calls read back from a datagram socket; serialized because they set `NOTIFY_SOCKET`.
@Suite(.serialized)
struct SystemdNotifierTests {
    let notifier = SystemdNotifier()

    @Test func readyReachesTheSocket() throws {
        let socket = try NotifySocket()
        try withEnvironment(["NOTIFY_SOCKET": socket.path]) { () throws in
            #expect(notifier.isActive)
            #expect(try notifier.ready())
            #expect(socket.receive() == "READY=1")
            #expect(try notifier.ready(status: "following 2 sources"))
            #expect(socket.receive() == "READY=1\nSTATUS=following 2 sources")
        }
    }

    @Test func eachLifecycleCallSendsItsAssignments() throws {
        let socket = try NotifySocket()
        try withEnvironment(["NOTIFY_SOCKET": socket.path]) { () throws in
            try notifier.status("1,204 req/s\nsecond line")
            #expect(socket.receive() == "STATUS=1,204 req/s second line")
            try notifier.watchdogPing()
            #expect(socket.receive() == "WATCHDOG=1")
            try notifier.stopping()
            #expect(socket.receive() == "STOPPING=1")
            try notifier.extendTimeout(by: .milliseconds(2500))
            #expect(socket.receive() == "EXTEND_TIMEOUT_USEC=2500000")
        }
    }

    @Test func reloadingCarriesTheMonotonicClock() throws {
        let socket = try NotifySocket()
        var before = timespec()
        clock_gettime(CLOCK_MONOTONIC, &before)
        try withEnvironment(["NOTIFY_SOCKET": socket.path]) { () throws in try notifier.reloading() }
        var after = timespec()
        clock_gettime(CLOCK_MONOTONIC, &after)
        let lines = try #require(socket.receive()).split(separator: "\n")
        #expect(lines.first == "RELOADING=1")
        let stamp = try #require(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
        #expect(lines.count == 2 && lines[1].hasPrefix("MONOTONIC_USEC="))
        #expect(UInt64(before.tv_sec) * 1_000_000 + UInt64(before.tv_nsec) / 1000 <= stamp)
        #expect(stamp <= UInt64(after.tv_sec) * 1_000_000 + UInt64(after.tv_nsec) / 1000)
    }

    @Test func withoutNotifySocketNothingIsSent() throws {
        try withEnvironment(["NOTIFY_SOCKET": nil]) { () throws in
            #expect(!notifier.isActive)
            #expect(try notifier.ready() == false)
        }
    }

    @Test func badSocketsAreErrorsWithCodes() {
        let invalid = withEnvironment(["NOTIFY_SOCKET": "relative/notify.sock"]) {
            #expect(throws: NotifyError.self) { try notifier.ready() }
        }
        #expect(invalid?.code == .invalidSocket)
        let missing = withEnvironment(["NOTIFY_SOCKET": "/nonexistent-shadowd-dir/notify.sock"]) {
            #expect(throws: NotifyError.self) { try notifier.ready() }
        }
        #expect(missing?.code == .sendFailed)
        #expect(missing?.errno == ENOENT)
        #expect(missing?.description.contains("READY=1") == true)
    }

    @Test func watchdogIntervalIsHalfTheTimeoutForThisProcess() {
        withEnvironment(["WATCHDOG_USEC": "10000000", "WATCHDOG_PID": String(getpid())]) {
            #expect(notifier.watchdogInterval == .seconds(5))
        }
        withEnvironment(["WATCHDOG_USEC": "10000000", "WATCHDOG_PID": String(getpid() + 1)]) {
            #expect(notifier.watchdogInterval == nil)
        }
        withEnvironment(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
            #expect(notifier.watchdogInterval == nil)
        }
    }
}
