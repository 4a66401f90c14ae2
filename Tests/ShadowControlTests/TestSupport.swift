import CShadowSys
import Glibc
import Testing
@testable import ShadowControl

/// A fresh directory under /tmp (short enough for sockaddr_un), removed by `cleanUp`.
struct Scratch {
    let directory: String

    init() {
        var template = Array("/tmp/shadowctl-test-XXXXXX".utf8CString)
        directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    var socket: String { directory + "/control.sock" }

    /// Writes `text` to a file in the directory and returns its path.
    func file(_ name: String, _ text: String) -> String {
        let path = directory + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(fd >= 0)
        _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return path
    }

    func cleanUp() {
        _ = unlink(socket)
        if let entries = opendir(directory) {
            while let entry = readdir(entries) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name != "." && name != ".." { unlink(directory + "/" + name) }
            }
            closedir(entries)
        }
        rmdir(directory)
    }
}

/// A started server with the in-memory handler on a scratch socket.
struct Fixture {
    let scratch = Scratch()
    let handler = MemoryControlHandler()
    let server: ControlServer

    init() throws {
        server = ControlServer(path: scratch.socket, group: nil, handler: handler)
        try server.start()
    }

    func client() -> ControlClient { ControlClient(path: scratch.socket, timeout: .seconds(30)) }

    func tearDown() {
        server.stop()
        scratch.cleanUp()
    }
}

/// Runs a blocking call on its own thread so it never occupies the cooperative pool the server's tasks need.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        do {
            _ = try PosixThread.spawn(detached: true) {
                continuation.resume(with: Result { try body() })
            }
        } catch {
            continuation.resume(throwing: error)
        }
    }
}

/// Polls `condition` every 5 ms for up to two seconds.
func eventually(_ condition: @Sendable () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .seconds(2))
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return await condition()
}

/// A raw protocol connection for sending hand-written lines.
struct RawConnection: Sendable {
    let fd: Int32

    init(path: String) throws {
        fd = try UnixSocket.connect(to: path)
    }

    func send(_ text: String, attaching descriptor: Int32? = nil) throws {
        try UnixSocket.send(Array(text.utf8), on: fd, attaching: descriptor)
    }

    /// Reads replies until `count` lines arrived (blocking; call through `onThread`).
    func lines(_ count: Int) throws -> [ControlReply] {
        var reader = SocketLineReader(fd: fd, maxLineBytes: 1 << 20)
        var replies: [ControlReply] = []
        while replies.count < count {
            switch reader.nextLine() {
            case .line(let line, _): replies.append(try ControlReply.decode(line).get())
            case .tooLong: throw ControlClientError(.protocolMismatch, "too long")
            case .needMore:
                guard reader.receive() == .data else { throw ControlClientError(.disconnected, "closed") }
            }
        }
        return replies
    }

    /// Whether the server has closed its end (blocking read of end of stream).
    func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        return read(fd, &byte, 1) == 0
    }

    func close() { Glibc.close(fd) }
}

extension ControlReply {
    /// The error code of a failure reply.
    var errorCode: ControlError.Code? {
        if case .failure(let error) = self { return error.code }
        return nil
    }
}
