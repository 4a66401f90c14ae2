#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The client's connected socket and its reply buffer; turns socket errors into messages for people.
struct ClientConnection: Sendable {
    let path: String
    private(set) var fd: Int32
    private var reader: SocketLineReader

    /// Connects to the daemon at `path`.
    init(path: String) throws(ControlClientError) {
        self.path = path
        do {
            fd = try UnixSocket.connect(to: path)
        } catch {
            throw Self.connectFailure(path: path, error)
        }
        reader = SocketLineReader(fd: fd, maxLineBytes: 64 << 20)
    }

    /// Sends one request line, with `descriptor` attached when given.
    func send(_ line: [UInt8], attaching descriptor: Int32?) throws(ControlClientError) {
        do {
            try UnixSocket.send(line, on: fd, attaching: descriptor)
        } catch {
            throw ControlClientError(.disconnected, "lost the connection to shadowd at \(path): \(error.reason)")
        }
    }

    /// Reads one reply, waiting until `deadline` (forever when nil).
    mutating func receive(until deadline: ContinuousClock.Instant?) throws(ControlClientError) -> ControlReply {
        var fds = [pollfd(fd: fd, events: POLLIN)]
        while true {
            switch reader.nextLine() {
            case .line(let line, _):
                reader.closeDescriptors()
                switch ControlReply.decode(line) {
                case .success(let reply): return reply
                case .failure(let violation): throw ControlClientError(.protocolMismatch, violation.message)
                }
            case .tooLong:
                throw ControlClientError(.protocolMismatch, "shadowd sent a reply longer than 64 MiB")
            case .needMore:
                break
            }
            let ready: Int
            do {
                ready = try UnixSocket.poll(&fds, milliseconds: UnixSocket.milliseconds(until: deadline))
            } catch {
                throw ControlClientError(.disconnected, "waiting for shadowd at \(path): \(error.reason)")
            }
            if ready == 0 {
                throw ControlClientError(.timedOut, "shadowd at \(path) did not answer in time")
            }
            switch reader.receive() {
            case .data: continue
            case .endOfStream:
                throw ControlClientError(.disconnected, "shadowd closed the connection before answering "
                    + "(it may be stopping or have crashed; see journalctl -u shadowd)")
            case .failed(let error):
                throw ControlClientError(.disconnected, "lost the connection to shadowd at \(path): \(error.reason)")
            }
        }
    }

    /// Closes the socket.
    mutating func close() {
        guard fd >= 0 else { return }
        reader.closeDescriptors()
        Glibc.close(fd)
        fd = -1
    }

    /// The message for a failed connect: not running, permission denied, or the system's reason.
    static func connectFailure(path: String, _ error: SocketError) -> ControlClientError {
        switch error.errno {
        case ENOENT:
            ControlClientError(.notRunning, "shadowd is not running (no control socket at \(path)); start it with "
                + "systemctl start shadowd, or use shadowctl replay --local")
        case ECONNREFUSED:
            ControlClientError(.notRunning, "shadowd is not running (nothing listens on the control socket at "
                + "\(path)); start it with systemctl start shadowd, or use shadowctl replay --local")
        case EACCES, EPERM:
            ControlClientError(.permissionDenied, "permission denied on the control socket \(path): join group "
                + "shadowd (sudo usermod -aG shadowd $USER, then log in again) or run as root")
        default:
            ControlClientError(.disconnected, "cannot connect to shadowd at \(path): \(error.reason)")
        }
    }
}
