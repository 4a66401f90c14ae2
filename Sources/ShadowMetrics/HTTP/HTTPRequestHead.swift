/// The request line and headers of an HTTP/1.x request.
public struct HTTPRequestHead: Sendable, Equatable {
    /// The method token, case-sensitive (`GET`).
    public var method: String
    /// The path of the target, without its query (`/metrics`).
    public var path: String
    /// The minor version: 0 for HTTP/1.0, 1 for HTTP/1.1.
    public var minorVersion: Int
    /// Header fields in order, names lower-cased, values trimmed.
    public var headers: [(name: String, value: String)]

    /// Creates a head.
    public init(method: String, path: String, minorVersion: Int, headers: [(name: String, value: String)] = []) {
        self.method = method
        self.path = path
        self.minorVersion = minorVersion
        self.headers = headers
    }

    /// Compares everything, header order included.
    public static func == (a: HTTPRequestHead, b: HTTPRequestHead) -> Bool {
        a.method == b.method && a.path == b.path && a.minorVersion == b.minorVersion
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }
}
