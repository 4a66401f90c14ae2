import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import ShadowMonitor

extension Webhook.Target {
    init(host: String, port: UInt16, path: String) {
        self = Webhook.Target("http://x/")!
        self.host = host
        self.port = port
        self.path = path
    }
}

/// A one-thread HTTP server on 127.0.0.1 answering each connection with the next of `statuses`.
final class LoopbackHTTPServer: @unchecked Sendable {
    struct Request { var head: String; var body: String }

    let port: UInt16
    private let fd: Int32
    private let thread: Thread
    private let log = Log()

    /// What the server thread saw, shared with the test.
    private final class Log: @unchecked Sendable {
        let lock = NSLock()
        var requests: [Request] = []
        let done = DispatchSemaphore(value: 0)
    }

    init(statuses: [Int]) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        listen(fd, 8)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port = UInt16(bigEndian: addr.sin_port)
        let listener = fd
        let log = self.log
        thread = Thread {
            for status in statuses {
                let client = accept(listener, nil, nil)
                if client < 0 { break }
                var data = [UInt8]()
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let n = read(client, &buffer, buffer.count)
                    if n <= 0 { break }
                    data += buffer[0..<n]
                    let text = String(decoding: data, as: UTF8.self)
                    if let split = text.range(of: "\r\n\r\n") {
                        let head = String(text[..<split.upperBound])
                        let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                        let body = String(text[split.upperBound...])
                        if body.utf8.count >= length {
                            log.lock.withLock { log.requests.append(Request(head: head, body: body)) }
                            break
                        }
                    }
                }
                let reply = "HTTP/1.1 \(status) X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                _ = reply.withCString { write(client, $0, strlen($0)) }
                close(client)
            }
            log.done.signal()
        }
        thread.start()
    }

    /// Stops listening and returns the requests received.
    func finish() -> [Request] {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        _ = log.done.wait(timeout: .now() + 5)
        return log.lock.withLock { log.requests }
    }
}
