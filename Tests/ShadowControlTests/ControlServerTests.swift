import Glibc
import Synchronization
import ShadowCore
import Testing
@testable import ShadowControl

@Suite struct ControlServerTests {
    @Test func waitDoesNotBlockOtherClients() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let path = fixture.scratch.file("t.jsonl", "x\n")
        let waiter = fixture.client()
        let job = try await onThread { try waiter.submit(path: path) }
        async let waited = onThread { try waiter.wait(job: job.id) }
        #expect(await eventually { await fixture.handler.pendingWaits == 1 })
        let others = (0..<4).map { _ in fixture.client() }
        for other in others {
            let status = try await onThread { try other.status() }
            #expect(status.jobs.first?.state == .running)
        }
        await fixture.handler.finish(job: job.id, records: 3)
        let result = try await waited
        #expect(result.state == .done && result.records == 3)
    }

    @Test func hangUpMidWaitCancelsAndFreesTheConnection() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let path = fixture.scratch.file("t.jsonl", "x\n")
        let job = try await onThread { try fixture.client().submit(path: path) }
        #expect(await eventually { fixture.server.connectionCount == 0 })
        let raw = try RawConnection(path: fixture.scratch.socket)
        try raw.send("{\"v\":1,\"op\":\"wait\",\"job\":\(job.id)}\n")
        #expect(await eventually { await fixture.handler.pendingWaits == 1 })
        #expect(fixture.server.connectionCount == 1)
        raw.close()
        #expect(await eventually { await fixture.handler.cancelledWaits == 1 })
        #expect(await eventually { fixture.server.connectionCount == 0 })
        #expect(await fixture.handler.pendingWaits == 0)
    }

    @Test func halfCloseStillGetsTheReply() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let raw = try RawConnection(path: fixture.scratch.socket)
        defer { raw.close() }
        try raw.send("{\"v\":1,\"op\":\"jobs\"}\n")
        shutdown(raw.fd, Int32(SHUT_WR))
        #expect(try await onThread { try raw.lines(1) } == [.jobs([])])
    }

    @Test func malformedAndUnknownRequestsKeepTheConnection() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let raw = try RawConnection(path: fixture.scratch.socket)
        defer { raw.close() }
        try raw.send("{not json\n")
        try raw.send("{\"v\":1,\"op\":\"frobnicate\"}\n")
        try raw.send("{\"v\":9,\"op\":\"status\"}\n")
        try raw.send("\n")
        try raw.send("{\"v\":1,\"op\":\"submit\",\"name\":\"/no/descriptor\"}\n")
        try raw.send("{\"v\":1,\"op\":\"jobs\"}\r\n")
        let replies = try await onThread { try raw.lines(6) }
        #expect(replies.prefix(5).map(\.errorCode) == Array(repeating: .badRequest, count: 5))
        #expect(replies[4] == .failure(ControlError(.badRequest,
            "submit needs the open file descriptor attached to the request (SCM_RIGHTS)")))
        #expect(replies[5] == .jobs([]))
    }

    @Test func pipelinedRequestsAnswerInOrder() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let path = fixture.scratch.file("t.jsonl", "piped\n")
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        defer { close(fd) }
        let raw = try RawConnection(path: fixture.scratch.socket)
        defer { raw.close() }
        try raw.send("{\"v\":1,\"op\":\"jobs\"}\n{\"v\":1,\"op\":\"wait\",\"job\":5}\n")
        try raw.send("{\"v\":1,\"op\":\"submit\",\"name\":\"\(path)\"}\n", attaching: fd)
        let replies = try await onThread { try raw.lines(3) }
        #expect(replies[0] == .jobs([]))
        #expect(replies[1].errorCode == .unknownJob)
        guard case .job(let job) = replies[2] else {
            Issue.record("submit failed: \(replies[2])")
            return
        }
        #expect(await fixture.handler.contents(ofJob: job.id) == Array("piped\n".utf8))
    }

    @Test func overlongLineIsRefusedAndClosed() async throws {
        let fixture = try Fixture()
        defer { fixture.tearDown() }
        let raw = try RawConnection(path: fixture.scratch.socket)
        defer { raw.close() }
        try raw.send(String(repeating: "x", count: ControlWire.maxLineBytes + 10))
        let replies = try await onThread { try raw.lines(1) }
        #expect(replies[0].errorCode == .badRequest)
        #expect(try await onThread { raw.isClosedByServer() })
    }

    @Test func stopAnswersWaitsAndRemovesTheSocket() async throws {
        let fixture = try Fixture()
        defer { fixture.scratch.cleanUp() }
        let path = fixture.scratch.file("t.jsonl", "x\n")
        let client = fixture.client()
        let job = try await onThread { try client.submit(path: path) }
        let idle = try RawConnection(path: fixture.scratch.socket)
        defer { idle.close() }
        async let waited = onThread { Result { try client.wait(job: job.id) } }
        #expect(await eventually { await fixture.handler.pendingWaits == 1 })
        fixture.server.stop()
        let outcome = try await waited
        #expect(throws: ControlError(.unavailable,
            "shadowd is stopping; the job keeps running or resumes after restart (see shadowctl status)")) {
            try outcome.get()
        }
        #expect(await eventually { await fixture.handler.cancelledWaits == 1 })
        #expect(await eventually { fixture.server.connectionCount == 0 })
        #expect(try await onThread { idle.isClosedByServer() })
        #expect(access(fixture.scratch.socket, F_OK) != 0)
        await #expect(throws: ControlClientError.self) { try await onThread { try client.status() } }
        fixture.server.stop()
    }

    @Test func observerSeesPeerRequestAndReply() async throws {
        let scratch = Scratch()
        defer { scratch.cleanUp() }
        let seen = Mutex<[ControlExchange]>([])
        let server = ControlServer(path: scratch.socket, group: nil, handler: MemoryControlHandler()) { exchange in
            seen.withLock { $0.append(exchange) }
        }
        try server.start()
        defer { server.stop() }
        let client = ControlClient(path: scratch.socket, timeout: .seconds(30))
        _ = try await onThread { try client.jobs() }
        let exchanges = seen.withLock { $0 }
        #expect(exchanges.count == 1)
        #expect(exchanges.first?.peer == ControlPeer(pid: getpid(), uid: getuid(), gid: getgid()))
        #expect(exchanges.first?.request == .jobs)
        #expect(exchanges.first?.reply == .jobs([]))
    }
}
