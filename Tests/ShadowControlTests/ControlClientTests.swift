import Glibc
import ShadowCore
import Testing
@testable import ShadowControl

@Suite struct ControlClientTests {
    @Test func submitPassesTheOpenDescriptor() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let path = fixture.scratch.file("traffic.jsonl", "{\"id\":\"r-1\"}\n")
        let client = fixture.client()
        let job = try await onThread { try client.submit(path: path) }
        #expect(job.name == path)
        #expect(job.origin == .submitted)
        #expect(await fixture.handler.contents(ofJob: job.id) == Array("{\"id\":\"r-1\"}\n".utf8))
    }

    @Test func descriptorStaysReadableAfterDeleteAndRename() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let deleted = fixture.scratch.file("gone.jsonl", "deleted after open\n")
        let renamed = fixture.scratch.file("old.jsonl", "renamed after open\n")
        let first = open(deleted, O_RDONLY | O_CLOEXEC)
        let second = open(renamed, O_RDONLY | O_CLOEXEC)
        defer { close(first); close(second) }
        #expect(unlink(deleted) == 0)
        #expect(rename(renamed, fixture.scratch.directory + "/new.jsonl") == 0)
        let client = fixture.client()
        let jobs = try await onThread {
            [try client.submit(fileDescriptor: first, name: deleted),
             try client.submit(fileDescriptor: second, name: renamed)]
        }
        #expect(await fixture.handler.contents(ofJob: jobs[0].id) == Array("deleted after open\n".utf8))
        #expect(await fixture.handler.contents(ofJob: jobs[1].id) == Array("renamed after open\n".utf8))
        // The client keeps its own descriptor: still valid here.
        #expect(fcntl(first, F_GETFD) >= 0)
    }

    @Test func unopenableFileFailsInTheClient() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let client = fixture.client()
        let missing = fixture.scratch.directory + "/missing.jsonl"
        let directory = fixture.scratch.directory
        await #expect(throws: ControlClientError(.cannotOpen, "cannot open \(missing): No such file or directory")) {
            try await onThread { try client.submit(path: missing) }
        }
        await #expect(throws: ControlClientError(.cannotOpen,
                                                 "cannot submit \(directory): it is a directory; give a traffic file")) {
            try await onThread { try client.submit(path: directory) }
        }
        #expect(await fixture.handler.jobs().isEmpty)
    }

    @Test func everyOperationRoundTrips() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let first = fixture.scratch.file("a.jsonl", "a\n")
        let second = fixture.scratch.file("b.jsonl", "b\n")
        let client = fixture.client()
        let (a, b) = try await onThread { (try client.submit(path: first), try client.submit(path: second)) }
        #expect(try await onThread { try client.jobs() }.map(\.id) == [a.id, b.id])
        await fixture.handler.finish(job: a.id, records: 12)
        let waited = try await onThread { try client.wait(job: a.id) }
        #expect(waited.state == .done && waited.records == 12)
        let cancelled = try await onThread { try client.cancel(job: b.id) }
        #expect(cancelled.state == .cancelled)
        let status = try await onThread { try client.status() }
        #expect(status.line == "0 running, 2 jobs")
        #expect(status.pid == getpid())
        #expect(status.jobs.map(\.state) == [.done, .cancelled])
        await #expect(throws: ControlError(.unknownJob, "no job 99 (shadowctl status lists the jobs)")) {
            try await onThread { try client.wait(job: 99) }
        }
        // The connection survives a daemon error.
        #expect(try await onThread { try client.jobs() }.count == 2)
    }

    @Test func missingSocketSaysDaemonIsNotRunning() async throws {
        let scratch = Scratch()
        defer { scratch.cleanUp() }
        let client = ControlClient(path: scratch.socket)
        let expected = ControlClientError(.notRunning, "shadowd is not running (no control socket at "
            + "\(scratch.socket)); start it with systemctl start shadowd, or use shadowctl replay --local")
        await #expect(throws: expected) { try await onThread { try client.status() } }
    }

    @Test func permissionDeniedSaysJoinTheGroup() {
        let error = ClientConnection.connectFailure(path: "/run/shadowd/control.sock",
                                                    SocketError(operation: "connect", errno: EACCES))
        #expect(error.code == .permissionDenied)
        #expect(error.message.contains("join group shadowd"))
        #expect(error.message.contains("/run/shadowd/control.sock"))
    }

    @Test func clientReconnectsAfterDaemonRestart() async throws {
        let scratch = Scratch()
        defer { scratch.cleanUp() }
        let first = ControlServer(path: scratch.socket, group: nil, handler: MemoryControlHandler())
        try first.start()
        let client = ControlClient(path: scratch.socket, timeout: .seconds(30))
        _ = try await onThread { try client.status() }
        first.stop()
        let second = ControlServer(path: scratch.socket, group: nil, handler: MemoryControlHandler())
        try second.start()
        defer { second.stop() }
        #expect(await eventually { first.connectionCount == 0 })
        #expect(try await onThread { try client.jobs() }.isEmpty)
    }

    @Test func relativePathsBecomeAbsolute() {
        var buffer = [CChar](repeating: 0, count: 4096)
        let cwd = String(cString: getcwd(&buffer, buffer.count))
        #expect(ControlClient.absolute("/abs/x.jsonl") == "/abs/x.jsonl")
        #expect(ControlClient.absolute("./logs/x.jsonl") == (cwd == "/" ? "" : cwd) + "/logs/x.jsonl")
    }
}
