import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import ShadowCore
import ShadowHTTP

/// Reads one request's answer on its event loop: notes when the head went out on a connection, keeps the status
/// and the body, and decodes the body with the model's codec when the answer is complete.
///
/// `@unchecked Sendable`: async-http-client calls a delegate on the request's own event loop only, and `finish`
/// runs on that loop too (the task's future completes there), so the fields are never touched concurrently.
final class TLSResponseCollector: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = Void

    let batch: TLSRequestBatch
    let index: Int
    let codec: WireCodec
    /// When the request was handed to the client (the start when no head went out).
    let submitted: UInt64
    /// When the request head was written on a connection (0 until then).
    var sent: UInt64 = 0
    var status: UInt = 0
    var body: ByteBuffer?

    /// A collector for request `index` of `batch`.
    init(batch: TLSRequestBatch, index: Int, codec: WireCodec, submitted: UInt64) {
        self.batch = batch
        self.index = index
        self.codec = codec
        self.submitted = submitted
    }

    func didSendRequestHead(task: AHC.Task<Void>, _ head: HTTPRequestHead) {
        sent = MonotonicClock.nanos()
    }

    func didReceiveHead(task: AHC.Task<Void>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        status = head.status.code
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: AHC.Task<Void>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        if body == nil {
            body = buffer
        } else {
            var part = buffer
            body!.writeBuffer(&part)
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: AHC.Task<Void>) throws {}

    /// Classifies and decodes the outcome (`error` nil when an answer arrived) into the batch.
    func finish(error: (any Error)?) {
        let now = MonotonicClock.nanos()
        let latency = now &- (sent > 0 ? sent : submitted)
        if let error {
            batch.finish(index, values: nil, error: TLSErrorClass.of(error), latency: latency)
            return
        }
        if let code = TLSErrorClass.of(status: status) {
            batch.finish(index, values: nil, error: code, latency: latency)
            return
        }
        let width = batch.width
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(width, 1)) { out in
            let answer = UnsafeMutableBufferPointer(rebasing: out[0..<width])
            let decoded = (body ?? ByteBuffer()).withUnsafeReadableBytes { codec.decode($0, rows: 1, into: answer) }
            batch.finish(index, values: decoded ? UnsafeBufferPointer(answer) : nil,
                         error: decoded ? nil : .undecodable, latency: latency)
        }
    }
}
