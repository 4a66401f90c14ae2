import Glibc

/// An AF_UNIX datagram socket in a fresh temporary directory, standing in for systemd's notify socket.
final class NotifySocket {
    /// The socket's path, the value for `NOTIFY_SOCKET`.
    let path: String
    private let directory: String
    private let descriptor: Int32

    /// Binds the socket; throws a test failure message when the kernel refuses.
    init() throws {
        var template = Array("/tmp/shadowd-notify-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw SupportError("mkdtemp: errno \(errno)") }
        directory = String(cString: made)
        path = directory + "/notify.sock"
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SupportError("socket: errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw SupportError("bind \(path): errno \(errno)") }
    }

    deinit {
        close(descriptor)
        unlink(path)
        rmdir(directory)
    }

    /// The next datagram's text, or `nil` when none arrives within the timeout.
    func receive(timeoutMilliseconds: Int32 = 1000) -> String? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}

/// Leaves a socket file nobody listens on, so datagrams sent to it fail with ECONNREFUSED.
enum NotifySocketBinder {
    /// Binds an AF_UNIX datagram socket at `path` and closes it; returns a failure text or `nil`.
    static func bindAndClose(path: String) -> String? {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { return "socket: errno \(errno)" }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return bound == 0 ? nil : "bind \(path): errno \(errno)"
    }
}

/// A failure inside test support code, carrying what went wrong.
struct SupportError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` with environment variables set (or unset for `nil`), restoring the previous values afterwards.
@discardableResult
func withEnvironment<T>(_ values: [String: String?], _ body: () throws -> T) rethrows -> T {
    var saved: [String: String?] = [:]
    for (name, value) in values {
        saved[name] = getenv(name).map { String(cString: $0) }
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }
    defer {
        for (name, value) in saved {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
    }
    return try body()
}
