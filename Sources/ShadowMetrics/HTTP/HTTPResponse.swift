/// A complete HTTP/1.1 response, always with `Content-Length` and `Connection: close`.
public struct HTTPResponse: Sendable, Equatable {
    /// The status.
    public var status: HTTPStatus
    /// Extra header fields (besides Content-Length, Date and Connection).
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]
    /// Whether the body is left out on the wire (HEAD): `Content-Length` still gives its size.
    public var omitsBody: Bool

    /// Creates a response.
    public init(status: HTTPStatus, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
                omitsBody: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.omitsBody = omitsBody
    }

    /// A short plain-text response for an error status (`404 Not Found` and a line saying why).
    public static func plain(_ status: HTTPStatus, _ text: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers,
                     body: Array((text + "\n").utf8))
    }

    /// The bytes to send, stamped with `Date` from `epochSeconds`.
    public func encoded(epochSeconds: Int) -> [UInt8] {
        var head = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n"
        head += "Date: \(HTTPDate.format(epochSeconds: epochSeconds))\r\n"
        head += "Connection: close\r\n\r\n"
        var bytes = Array(head.utf8)
        if !omitsBody { bytes += body }
        return bytes
    }

    /// Compares everything, header order included.
    public static func == (a: HTTPResponse, b: HTTPResponse) -> Bool {
        a.status == b.status && a.body == b.body && a.omitsBody == b.omitsBody
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }
}
