import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import ShadowCore
import ShadowHTTP

/// async-http-client's client (ShadowHTTP has an `HTTPClient` of its own).
typealias AHC = AsyncHTTPClient.HTTPClient

/// An `https://` model server's client: one async-http-client pool (at most `connections` per host) on NIO's shared
/// event loops, each request bounded by the model's timeout. Requests go in as pre-encoded bodies, one batch at a time
/// per caller; each caller waits once per batch.
public final class HTTPSClient: Sendable {
    /// Where requests go.
    public let endpoint: HTTPSEndpoint
    /// Connections in the pool (requests in flight at most).
    public let connections: Int
    let client: AHC
    /// The request every record's request is a copy of, with its own body.
    let template: AHC.Request
    let timeout: TimeAmount

    /// A pool for `endpoint` posting to `path` with `headers`; `http` gives the trust settings (`ca_file`,
    /// `tls_verify`) and the pool size.
    public init(endpoint: HTTPSEndpoint, path: String, http: HTTPModelSettings, timeoutNanos: UInt64)
        throws(WireError) {
        precondition(http.connections > 0)
        self.endpoint = endpoint
        connections = http.connections
        timeout = .nanoseconds(Int64(clamping: timeoutNanos))
        var headers = HTTPHeaders([("Content-Type", "application/json")])
        for (name, value) in http.headers.sorted(by: { $0.key < $1.key }) { headers.add(name: name, value: value) }
        do {
            template = try AHC.Request(url: endpoint.origin + path, method: .POST, headers: headers)
        } catch {
            throw WireError("url \"\(endpoint.origin + path)\" is not a valid URL (\(error))")
        }
        var configuration = AHC.Configuration()
        configuration.tlsConfiguration = try TLSTrust.configuration(http)
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: timeout, read: nil)
        configuration.connectionPool = .init(idleTimeout: .seconds(60),
                                             concurrentHTTP1ConnectionsPerHostSoftLimit: http.connections)
        // A failed connect fails the waiting requests at once (refused, tls), as the plain client does, instead of
        // retrying until each one's deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = AHC(eventLoopGroup: AHC.defaultEventLoopGroup, configuration: configuration)
    }

    /// Shuts the pool down without waiting (a model released without `shutdown()`).
    deinit { client.shutdown { _ in } }

    /// Sends each body of `bodies` (one per request) and returns when each has an answer or an error.
    func execute(_ bodies: [ByteBuffer], codec: WireCodec, into batch: TLSRequestBatch) async {
        for (index, body) in bodies.enumerated() {
            var request = template
            request.body = .byteBuffer(body)
            let submitted = MonotonicClock.nanos()
            let collector = TLSResponseCollector(batch: batch, index: index, codec: codec, submitted: submitted)
            let task = client.execute(request: request, delegate: collector, deadline: .now() + timeout)
            task.futureResult.whenComplete { result in
                switch result {
                case .success: collector.finish(error: nil)
                case .failure(let error): collector.finish(error: error)
                }
            }
        }
        await batch.wait()
    }

    /// Closes the pool's connections; later requests fail. Safe to call more than once.
    public func shutdown() async {
        try? await client.shutdown()
    }
}
