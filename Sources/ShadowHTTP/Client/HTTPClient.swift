#if canImport(Glibc)
import Glibc
#endif
import ShadowCore

/// A lean HTTP/1.1 client for one `http://` endpoint: a fixed pool of keep-alive connections served by one
/// epoll thread of its own. Batches of pre-encoded requests go in; each caller waits once per batch.
public final class HTTPClient: Sendable {
    /// Where requests go.
    public let endpoint: HTTPEndpoint
    /// Connections in the pool (requests in flight at most).
    public let connections: Int
    let loop: HTTPEventLoop

    /// Starts the client's thread; `timeoutNanos` bounds each request from taking a connection to its last byte.
    public init(endpoint: HTTPEndpoint, connections: Int, timeoutNanos: UInt64) throws(WireError) {
        precondition(connections > 0)
        self.endpoint = endpoint
        self.connections = connections
        let address = try endpoint.resolve()
        loop = try HTTPEventLoop(address: address, connections: connections, timeoutNanos: timeoutNanos)
        let loop = self.loop
        guard DetachedThread.start({ loop.run() }) else { throw WireError("cannot start the client's thread") }
    }

    deinit { loop.stop() }

    /// Sends every request of `batch` and returns when each has an answer or an error.
    public func execute(_ batch: HTTPRequestBatch) async {
        if batch.count == 0 { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            batch.continuation = continuation
            loop.submit(batch)
        }
    }

    /// Sends every request of `batch` at once, without waiting: `done` is called on the client's thread when each
    /// has an answer or an error. For a paced sender that must not wait for a task to be scheduled.
    public func submit(_ batch: HTTPRequestBatch, done: @escaping @Sendable () -> Void) {
        if batch.count == 0 { return done() }
        batch.onDone = done
        loop.submit(batch)
    }
}
