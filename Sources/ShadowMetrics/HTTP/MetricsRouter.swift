/// Maps a request to its response: `GET`/`HEAD /metrics` → the exposition text, another method on
/// `/metrics` → 405 with `Allow`, any other path → 404.
public struct MetricsRouter: Sendable {
    /// The path metrics are served at.
    public static let path = "/metrics"

    /// Renders the exposition text when a scrape asks for it.
    public let render: @Sendable () -> String

    /// Answers scrapes with `render()`.
    public init(render: @escaping @Sendable () -> String) {
        self.render = render
    }

    /// The response to a parsed request (or to a request that could not be parsed).
    public func respond(to outcome: HTTPRequestParser.Outcome) -> HTTPResponse {
        switch outcome {
        case .needMore:
            return .plain(.requestTimeout, "the request did not arrive in time")
        case .invalid(let status):
            return .plain(status, status.reason.lowercased())
        case .complete(let head):
            return respond(to: head)
        }
    }

    /// The response to a valid request head.
    public func respond(to head: HTTPRequestHead) -> HTTPResponse {
        guard head.path == Self.path else {
            return .plain(.notFound, "not found: metrics are served at \(Self.path)")
        }
        guard head.method == "GET" || head.method == "HEAD" else {
            return .plain(.methodNotAllowed, "method \(head.method) not allowed: use GET",
                          headers: [("Allow", "GET, HEAD")])
        }
        return HTTPResponse(status: .ok, headers: [("Content-Type", ExpositionText.contentType)],
                            body: Array(render().utf8), omitsBody: head.method == "HEAD")
    }
}
