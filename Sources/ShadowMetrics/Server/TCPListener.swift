import ShadowCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Opens the non-blocking, close-on-exec TCP listening socket for a loopback address.
enum TCPListener {
    /// Binds and listens on `address` (port 0: a free port) and returns the descriptor and the bound address.
    static func open(_ address: MetricsSettings.Address, backlog: Int32 = 64) throws(MetricsServerError)
        -> (fd: Int32, bound: MetricsSettings.Address) {
        let domain = address.family == .ipv4 ? AF_INET : AF_INET6
        let fd = socket(domain, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
                            | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw failure("socket", address) }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if address.family == .ipv6 {
            _ = setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &yes, socklen_t(MemoryLayout<Int32>.size))
        }
        var storage = sockaddr_storage()
        let length = fill(&storage, address)
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, backlog) == 0 else {
            let error = failure(bound == 0 ? "listen" : "bind", address)
            close(fd)
            throw error
        }
        var actual = sockaddr_storage()
        var actualLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        var result = address
        result.port = port(of: actual, family: address.family)
        return (fd, result)
    }

    /// Writes `address` into `storage`; returns the length of the sockaddr written.
    static func fill(_ storage: inout sockaddr_storage, _ address: MetricsSettings.Address) -> socklen_t {
        withUnsafeMutablePointer(to: &storage) { pointer in
            switch address.family {
            case .ipv4:
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
                    sin.pointee.sin_family = sa_family_t(AF_INET)
                    sin.pointee.sin_port = address.port.bigEndian
                    withUnsafeMutableBytes(of: &sin.pointee.sin_addr) { $0.copyBytes(from: address.bytes) }
                    return socklen_t(MemoryLayout<sockaddr_in>.size)
                }
            case .ipv6:
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { sin6 in
                    sin6.pointee.sin6_family = sa_family_t(AF_INET6)
                    sin6.pointee.sin6_port = address.port.bigEndian
                    withUnsafeMutableBytes(of: &sin6.pointee.sin6_addr) { $0.copyBytes(from: address.bytes) }
                    return socklen_t(MemoryLayout<sockaddr_in6>.size)
                }
            }
        }
    }

    /// The port of a bound IPv4 or IPv6 socket address.
    static func port(of storage: sockaddr_storage, family: MetricsSettings.Address.Family) -> UInt16 {
        withUnsafePointer(to: storage) { pointer in
            switch family {
            case .ipv4: pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            case .ipv6: pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
        }
    }

    private static func failure(_ call: String, _ address: MetricsSettings.Address) -> MetricsServerError {
        let code = errno
        let reason = String(cString: strerror(code))
        return MetricsServerError(code == EADDRINUSE ? .addressInUse : .system,
                                  "cannot listen on \(address) (\(call)): \(reason)")
    }
}
