import CShadowNet

/// A plain `http://host[:port]/path` endpoint, resolved once.
public struct HTTPEndpoint: Sendable, Equatable {
    /// Host name or address as written in the URL.
    public var host: String
    /// TCP port (80 when the URL has none).
    public var port: Int
    /// Path and query, "" when the URL has none.
    public var path: String

    /// Parses `url`; `https://` and other schemes are refused with a message saying why.
    public init(url: String) throws(WireError) {
        guard url.hasPrefix("http://") else {
            if url.hasPrefix("https://") {
                throw WireError("the plain client takes http:// urls only (https:// models run on the TLS client)")
            }
            throw WireError("url must start with http:// (found \"\(url)\")")
        }
        let rest = url.dropFirst("http://".count)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[rest.startIndex..<slash]
        path = String(rest[slash...])
        guard !authority.isEmpty, !authority.contains("@") else { throw WireError("url has no host: \"\(url)\"") }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw WireError("url has an unclosed \"[\"") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            port = try Self.port(after.isEmpty ? nil : after.dropFirst(), url: url)
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[authority.startIndex..<colon])
            port = try Self.port(authority[authority.index(after: colon)...], url: url)
        } else {
            host = String(authority)
            port = 80
        }
    }

    static func port(_ text: Substring?, url: String) throws(WireError) -> Int {
        guard let text else { return 80 }
        guard let p = Int(text), (1...65535).contains(p) else {
            throw WireError("url has an invalid port \"\(text)\"")
        }
        return p
    }

    /// The `Host` header value.
    public var hostHeader: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return port == 80 ? h : "\(h):\(port)"
    }

    /// Resolves the address once (connections reuse it).
    func resolve() throws(WireError) -> ResolvedAddress {
        var address = ResolvedAddress()
        let rc = withUnsafeMutableBytes(of: &address.storage) { raw in
            shadow_resolve(host, Int32(port), raw.baseAddress, &address.length)
        }
        guard rc == 0 else { throw WireError("cannot resolve host \"\(host)\"") }
        return address
    }
}

/// A socket address as `getaddrinfo` gave it (128 bytes, enough for IPv4 and IPv6).
struct ResolvedAddress: Sendable {
    var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                  UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var length: UInt32 = 0

    /// Starts a non-blocking connect; the descriptor or -1 with errno set.
    func connect() -> Int32 {
        withUnsafeBytes(of: storage) { shadow_tcp_connect($0.baseAddress, length) }
    }
}
