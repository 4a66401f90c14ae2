import ShadowCore

/// Requests sent together and answered together: every request's bytes in one buffer, the answers decoded in
/// place into `values`, one continuation resumed when the last answer (or error) is in.
public final class HTTPRequestBatch: @unchecked Sendable {
    /// Every request, head and body, back to back.
    public let bytes: [UInt8]
    /// `count + 1` boundaries into `bytes`.
    public let offsets: [Int]
    /// Answer values per request.
    public let width: Int
    /// Reads one response body into its request's `width` values; false when undecodable.
    let decode: @Sendable (UnsafeRawBufferPointer, UnsafeMutableBufferPointer<Double>) -> Bool

    /// `count × width` answers, NaN where a request failed. Read only after `HTTPClient.execute` returns.
    public internal(set) var values: [Double]
    /// Per request: nil when answered, else the error class.
    public internal(set) var errors: [ModelErrorCode?]
    /// Per request: nanoseconds from taking a connection to the end of the answer.
    public internal(set) var latencyNanos: [UInt64]

    var next = 0
    var remaining: Int
    var continuation: CheckedContinuation<Void, Never>?
    /// Called on the client's thread when the last answer is in (for `HTTPClient.submit`).
    var onDone: (@Sendable () -> Void)?

    /// Wakes whoever waits for the batch (once).
    func complete() {
        continuation?.resume()
        continuation = nil
        let done = onDone
        onDone = nil
        done?()
    }

    /// A batch over pre-encoded requests.
    public init(bytes: [UInt8], offsets: [Int], width: Int,
                decode: @escaping @Sendable (UnsafeRawBufferPointer, UnsafeMutableBufferPointer<Double>) -> Bool) {
        precondition(offsets.count >= 1 && offsets.last! <= bytes.count)
        self.bytes = bytes
        self.offsets = offsets
        self.width = width
        self.decode = decode
        let count = offsets.count - 1
        values = [Double](repeating: .nan, count: count * width)
        errors = [ModelErrorCode?](repeating: nil, count: count)
        latencyNanos = [UInt64](repeating: 0, count: count)
        remaining = count
    }

    /// Requests in the batch.
    public var count: Int { offsets.count - 1 }

    /// Gives back the request buffer for reuse once the batch is done.
    public func takeBytes() -> [UInt8] { bytes }

    /// Records request `index`'s outcome; true when it was the last one.
    func finish(_ index: Int, error: ModelErrorCode?, latency: UInt64) -> Bool {
        if let error {
            errors[index] = error
            for i in (index * width)..<((index + 1) * width) { values[i] = .nan }
        }
        latencyNanos[index] = latency
        remaining -= 1
        return remaining == 0
    }

    /// Decodes the answer to request `index` from `body`; false when it does not decode.
    func decodeAnswer(_ index: Int, body: UnsafeRawBufferPointer) -> Bool {
        let w = width
        return values.withUnsafeMutableBufferPointer { all in
            decode(body, UnsafeMutableBufferPointer(rebasing: all[(index * w)..<((index + 1) * w)]))
        }
    }
}
