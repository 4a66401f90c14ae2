#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A webhook action: one JSON POST over plain HTTP/1.1 on a POSIX socket (http:// only; https is not supported).
enum Webhook {
    /// An `http://host[:port]/path` URL taken apart.
    struct Target: Equatable {
        var host: String
        var port: UInt16
        var path: String

        /// Parses an http:// URL; nil for anything else.
        init?(_ url: String) {
            guard url.hasPrefix("http://") else { return nil }
            let rest = url.dropFirst(7)
            let authority = rest.prefix { $0 != "/" }
            path = rest.count > authority.count ? String(rest.dropFirst(authority.count)) : "/"
            if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
                host = String(authority[authority.index(after: authority.startIndex)..<close])
                let after = authority[authority.index(after: close)...]
                port = after.hasPrefix(":") ? UInt16(after.dropFirst()) ?? 0 : 80
            } else if let colon = authority.lastIndex(of: ":") {
                host = String(authority[..<colon])
                port = UInt16(authority[authority.index(after: colon)...]) ?? 0
            } else {
                host = String(authority)
                port = 80
            }
            if host.isEmpty || port == 0 { return nil }
        }
    }

    /// Sends one POST and returns the HTTP status (blocking; call through `BlockingThread`).
    static func post(_ target: Target, body: [UInt8], timeoutMs: Int) -> Result<Int, WebhookError> {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(target.host, String(target.port), &hints, &list)
        guard rc == 0, let first = list else {
            return .failure(WebhookError("cannot resolve \(target.host): " + String(cString: gai_strerror(rc))))
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let a = entry {
            entry = a.pointee.ai_next
            let fd = socket(a.pointee.ai_family, a.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), a.pointee.ai_protocol)
            if fd < 0 { lastError = String(cString: strerror(errno)); continue }
            defer { close(fd) }
            var tv = timeval(tv_sec: timeoutMs / 1000, tv_usec: (timeoutMs % 1000) * 1000)
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            guard connect(fd, a.pointee.ai_addr, a.pointee.ai_addrlen) == 0 else {
                lastError = "connect: " + String(cString: strerror(errno))
                continue
            }
            let head = "POST \(target.path) HTTP/1.1\r\nHost: \(target.host):\(target.port)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\nUser-Agent: shadowd\r\n"
                + "Connection: close\r\n\r\n"
            let request = Array(head.utf8) + body
            var sent = 0
            while sent < request.count {
                let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return .failure(WebhookError("send: " + String(cString: strerror(errno)))) }
                sent += n
            }
            var response: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 2048)
            while !response.contains(10) && response.count < 8192 {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { break }
                response += buffer[0..<n]
            }
            let line = String(decoding: response.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self)
            let parts = line.split(separator: " ")
            guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
                return .failure(WebhookError(response.isEmpty ? "no answer (timeout \(timeoutMs) ms)" : "not an HTTP answer: \(line)"))
            }
            return .success(status)
        }
        return .failure(WebhookError(lastError))
    }
}

/// Why a webhook attempt failed.
struct WebhookError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
