import NIOCore

/// The requests waiting for one of the pool's `connections` slots, oldest batch first. The TLS client hands a
/// request to async-http-client only when a slot is free, so its deadline (the model's timeout) runs from about the
/// moment it can take a connection, as the plain client's does, rather than from when its batch was queued.
struct TLSDispatchQueue: Sendable {
    /// A batch with the requests it has not sent yet.
    struct Pending: Sendable {
        let batch: TLSRequestBatch
        let bodies: [ByteBuffer]
        var next: Int
    }

    /// One request to send now.
    struct Item: Sendable {
        let batch: TLSRequestBatch
        let body: ByteBuffer
        let index: Int
    }

    private var pending: [Pending] = []
    private var head = 0
    /// Requests handed to the pool and not finished.
    private(set) var inFlight = 0
    let slots: Int

    /// A queue feeding at most `slots` requests at a time.
    init(slots: Int) { self.slots = slots }

    /// Queues every body of `batch`.
    mutating func append(_ batch: TLSRequestBatch, bodies: [ByteBuffer]) {
        if !bodies.isEmpty { pending.append(Pending(batch: batch, bodies: bodies, next: 0)) }
    }

    /// The next request when a slot is free (taking the slot), else nil.
    mutating func take() -> Item? {
        guard inFlight < slots, head < pending.count else { return nil }
        let index = pending[head].next
        let item = Item(batch: pending[head].batch, body: pending[head].bodies[index], index: index)
        pending[head].next += 1
        if pending[head].next == pending[head].bodies.count {
            head += 1
            if head > 32 && head * 2 > pending.count {
                pending.removeFirst(head)
                head = 0
            }
        }
        inFlight += 1
        return item
    }

    /// Gives back the slot of a finished request.
    mutating func release() { inFlight -= 1 }
}
