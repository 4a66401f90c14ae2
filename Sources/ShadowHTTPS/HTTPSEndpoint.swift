import ShadowHTTP

/// An `https://host[:port][/path]` endpoint as written in the config: the origin requests go to and the URL's path.
public struct HTTPSEndpoint: Sendable, Equatable {
    /// `https://host[:port]`, without a path.
    public var origin: String
    /// Host name or address as written in the URL (brackets removed from an IPv6 literal).
    public var host: String
    /// TCP port (443 when the URL has none).
    public var port: Int
    /// Path and query, "" when the URL has none.
    public var path: String

    /// Parses `url`; anything but `https://` with a host and a valid port is refused with a message saying why.
    public init(url: String) throws(WireError) {
        guard url.hasPrefix("https://") else { throw WireError("url must start with https:// (found \"\(url)\")") }
        let rest = url.dropFirst("https://".count)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[rest.startIndex..<slash]
        guard !authority.isEmpty, !authority.contains("@") else { throw WireError("url has no host: \"\(url)\"") }
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw WireError("url has an unclosed \"[\"") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            portText = after.isEmpty ? nil : after.dropFirst()
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[authority.startIndex..<colon])
            portText = authority[authority.index(after: colon)...]
        } else {
            host = String(authority)
            portText = nil
        }
        guard !host.isEmpty else { throw WireError("url has no host: \"\(url)\"") }
        if let portText {
            guard let p = Int(portText), (1...65535).contains(p) else {
                throw WireError("url has an invalid port \"\(portText)\"")
            }
            port = p
        } else {
            port = 443
        }
        origin = "https://" + authority
        path = String(rest[slash...])
    }
}
