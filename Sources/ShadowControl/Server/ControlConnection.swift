#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One client connection, served on its own thread: read a request line, call the handler, write the reply, repeat.
struct ControlConnection {
    /// What became of one request.
    enum Outcome {
        /// Send this reply and read the next request.
        case reply(ControlReply)
        /// Send this reply, then close (the server is stopping, or the stream cannot be resynchronised).
        case replyAndClose(ControlReply)
        /// The client is gone: close without replying.
        case hangUp
    }

    let fd: Int32
    let wake: WakeSignal
    let server: ControlServer
    let peer: ControlPeer?
    var reader: SocketLineReader

    /// Serves `fd` (owned by the caller, which closes it after `run()`), woken through `wake` on stop.
    init(fd: Int32, wake: WakeSignal, server: ControlServer) {
        self.fd = fd
        self.wake = wake
        self.server = server
        self.peer = ControlPeer(socket: fd)
        self.reader = SocketLineReader(fd: fd, maxLineBytes: ControlWire.maxLineBytes)
    }

    /// Serves requests until the client hangs up or the server stops.
    mutating func run() {
        defer { reader.closeDescriptors() }
        while let outcome = nextOutcome() {
            switch outcome {
            case .reply(let reply):
                guard (try? UnixSocket.send(reply.encodedLine(), on: fd)) != nil else { return }
            case .replyAndClose(let reply):
                try? UnixSocket.send(reply.encodedLine(), on: fd)
                return
            case .hangUp:
                return
            }
        }
    }

    /// Waits for the next request and handles it; `nil` when the connection is over.
    private mutating func nextOutcome() -> Outcome? {
        var fds = [pollfd(fd: fd, events: POLLIN), pollfd(fd: wake.fd, events: POLLIN)]
        while true {
            switch reader.nextLine() {
            case .line(let line, let end):
                return handle(line, endingAt: end)
            case .tooLong:
                return .replyAndClose(.failure(ControlError(.badRequest,
                    "request longer than \(ControlWire.maxLineBytes) bytes without a newline")))
            case .needMore:
                break
            }
            if server.isStopping { return nil }
            guard (try? UnixSocket.poll(&fds, milliseconds: -1)) != nil else { return nil }
            if fds[1].returned(POLLIN) {
                wake.drain()
                continue
            }
            if fds[0].returned(POLLIN | POLLHUP | POLLERR | POLLNVAL) {
                guard reader.receive() == .data else { return nil }
            }
        }
    }

    private mutating func handle(_ line: [UInt8], endingAt end: Int) -> Outcome {
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
            return report(nil, .reply(.failure(ControlError(.badRequest,
                "empty request; send one JSON object per line"))))
        }
        switch ControlRequest.decode(line) {
        case .failure(let error):
            return report(nil, .reply(.failure(error)))
        case .success(.submit(let name)):
            guard let descriptor = reader.takeDescriptor(forLineEndingAt: end) else {
                return report(.submit(name: name), .reply(.failure(ControlError(.badRequest,
                    "submit needs the open file descriptor attached to the request (SCM_RIGHTS)"))))
            }
            return report(.submit(name: name), perform(.submit(name: name), descriptor: descriptor))
        case .success(let request):
            return report(request, perform(request, descriptor: nil))
        }
    }

    /// Shows an answered request to the server's observer.
    private func report(_ request: ControlRequest?, _ outcome: Outcome) -> Outcome {
        guard let observer = server.observer else { return outcome }
        switch outcome {
        case .reply(let reply), .replyAndClose(let reply):
            observer(ControlExchange(peer: peer, request: request, reply: reply))
        case .hangUp:
            break
        }
        return outcome
    }
}
