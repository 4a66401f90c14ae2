#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `[metrics]`: the Prometheus metrics endpoint (off unless `listen` is set).
public struct MetricsSettings: Sendable, Equatable {
    /// Loopback address and port to serve `/metrics` on, e.g. `127.0.0.1:9464`; nil leaves metrics off.
    public var listen: String?

    /// Creates the settings; metrics stay off without `listen`.
    public init(listen: String? = nil) {
        self.listen = listen
    }

    /// `listen` parsed, or nil when metrics are off or the text is not a loopback `HOST:PORT`.
    public var address: Address? {
        guard let listen, case .success(let address) = Address.parse(listen) else { return nil }
        return address
    }

    /// A loopback TCP endpoint: `127.0.0.0/8` or `::1` (written `[::1]:PORT`), and a port.
    public struct Address: Sendable, Equatable, CustomStringConvertible {
        /// The address family of the endpoint.
        public enum Family: Sendable, Equatable { case ipv4, ipv6 }

        /// Which family `bytes` belong to.
        public var family: Family
        /// The address in network byte order: 4 bytes for IPv4, 16 for IPv6.
        public var bytes: [UInt8]
        /// The TCP port (0 only when built in code: the system picks a free port).
        public var port: UInt16

        /// Creates an address from its parts; `bytes` must match `family`.
        public init(family: Family, bytes: [UInt8], port: UInt16) {
            self.family = family
            self.bytes = bytes
            self.port = port
        }

        /// `127.0.0.1` on `port`.
        public static func localhost(port: UInt16) -> Address {
            Address(family: .ipv4, bytes: [127, 0, 0, 1], port: port)
        }

        /// The host part as it is written in a URL: `127.0.0.1` or `[::1]`.
        public var host: String {
            switch family {
            case .ipv4:
                return bytes.map(String.init).joined(separator: ".")
            case .ipv6:
                var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
                var raw = in6_addr()
                withUnsafeMutableBytes(of: &raw) { $0.copyBytes(from: bytes) }
                _ = inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
                return "[" + String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "]"
            }
        }

        /// Whether the address is a loopback one (all of `127.0.0.0/8`, or `::1`).
        public var isLoopback: Bool {
            switch family {
            case .ipv4: return bytes.first == 127
            case .ipv6: return bytes == [UInt8](repeating: 0, count: 15) + [1]
            }
        }

        /// `HOST:PORT`, e.g. `127.0.0.1:9464` or `[::1]:9464`.
        public var description: String { "\(host):\(port)" }

        /// Why a `listen` value was refused.
        public enum ParseError: Error, Sendable, Equatable {
            /// Not `HOST:PORT` with a numeric IPv4 or bracketed IPv6 host (or `localhost`).
            case malformed
            /// The port is not an integer from 1 to 65535.
            case badPort
            /// A well-formed address that is not a loopback one (metrics are never served beyond the machine).
            case notLoopback(host: String)
        }

        /// Parses `127.0.0.1:9464`, `[::1]:9464` or `localhost:9464` (taken as `127.0.0.1`); only loopback hosts
        /// and ports 1…65535 are accepted.
        public static func parse(_ text: String) -> Result<Address, ParseError> {
            guard let colon = text.lastIndex(of: ":") else { return .failure(.malformed) }
            var host = String(text[..<colon])
            let portText = text[text.index(after: colon)...]
            guard !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }), portText.count <= 5,
                  let port = Int(portText), (1...65535).contains(port) else { return .failure(.badPort) }
            if host == "localhost" { host = "127.0.0.1" }
            let address: Address
            if host.hasPrefix("["), host.hasSuffix("]"), host.count > 2 {
                var raw = in6_addr()
                let inner = String(host.dropFirst().dropLast())
                guard inet_pton(AF_INET6, inner, &raw) == 1 else { return .failure(.malformed) }
                address = Address(family: .ipv6, bytes: withUnsafeBytes(of: raw) { Array($0) }, port: UInt16(port))
            } else {
                var raw = in_addr()
                guard !host.contains(":"), inet_pton(AF_INET, host, &raw) == 1 else { return .failure(.malformed) }
                address = Address(family: .ipv4, bytes: withUnsafeBytes(of: raw) { Array($0) }, port: UInt16(port))
            }
            guard address.isLoopback else { return .failure(.notLoopback(host: host)) }
            return .success(address)
        }
    }
}
