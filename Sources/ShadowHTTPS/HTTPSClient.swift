import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import ShadowCore
import ShadowHTTP
import Synchronization

/// async-http-client's client (ShadowHTTP has an `HTTPClient` of its own).
typealias AHC = AsyncHTTPClient.HTTPClient

/// An `https://` model server's client: one async-http-client pool (at most `connections` per host) on NIO's shared
/// event loops, each request bounded by the model's timeout from when a connection slot is free for it. Requests go
/// in as pre-encoded bodies, a batch per caller; each caller waits once per batch.
public final class HTTPSClient: Sendable {
    /// Where requests go.
    public let endpoint: HTTPSEndpoint
    /// Connections in the pool (requests in flight at most).
    public let connections: Int
    let client: AHC
    /// The request every record's request is a copy of, with its own body.
    let template: AHC.Request
    let timeout: TimeAmount
    let queue: Mutex<TLSDispatchQueue>
    let codec: WireCodec

    /// A pool for `endpoint` posting to `path` with `headers`, reading answers with `codec`; `http` gives the trust
    /// settings (`ca_file`, `tls_verify`) and the pool size.
    public init(endpoint: HTTPSEndpoint, codec: WireCodec, http: HTTPModelSettings, timeoutNanos: UInt64)
        throws(WireError) {
        precondition(http.connections > 0)
        self.endpoint = endpoint
        self.codec = codec
        let path = codec.path
        connections = http.connections
        queue = Mutex(TLSDispatchQueue(slots: http.connections))
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
    func execute(_ bodies: [ByteBuffer], into batch: TLSRequestBatch) async {
        queue.withLock { $0.append(batch, bodies: bodies) }
        pump()
        await batch.wait()
    }

    /// Hands waiting requests to the pool while connection slots are free.
    func pump() {
        while let item = queue.withLock({ $0.take() }) {
            var request = template
            request.body = .byteBuffer(item.body)
            let collector = TLSResponseCollector(batch: item.batch, index: item.index, codec: codec,
                                                 submitted: MonotonicClock.nanos())
            let task = client.execute(request: request, delegate: collector, deadline: .now() + timeout)
            task.futureResult.whenComplete { result in
                switch result {
                case .success: collector.finish(error: nil)
                case .failure(let error): collector.finish(error: error)
                }
                self.queue.withLock { $0.release() }
                self.pump()
            }
        }
    }

    /// Closes the pool's connections; later requests fail. Safe to call more than once.
    public func shutdown() async {
        try? await client.shutdown()
    }
}
