/// A piece of JSON text kept as UTF-8 bytes: either its own, or a range of a larger buffer (a batch's text) that it
/// shares without copying. Used for the features and recorded answer of a disagreement row, which the store binds
/// straight from the batch bytes.
public struct JSONText: Sendable, Equatable, CustomStringConvertible {
    private let storage: [UInt8]
    private let range: Range<Int>

    /// The text of `string`.
    public init(_ string: String) {
        storage = Array(string.utf8)
        range = 0..<storage.count
    }

    /// The bytes `range` of `buffer`, shared (the buffer is kept alive, not copied). The caller vouches that they
    /// are valid UTF-8 (the reader validated them).
    public init(sharing buffer: [UInt8], range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count, "JSONText range out of bounds")
        storage = buffer
        self.range = range
    }

    /// The same text in storage of its own, so that keeping it does not keep a whole shared buffer alive.
    public var compacted: JSONText {
        range.count == storage.count ? self : JSONText(bytes: Array(storage[range]))
    }

    private init(bytes: [UInt8]) {
        storage = bytes
        range = 0..<bytes.count
    }

    /// The length in bytes.
    public var count: Int { range.count }

    /// The text as a String (copies).
    public var string: String { String(decoding: storage[range], as: UTF8.self) }

    public var description: String { string }

    /// Calls `body` with the UTF-8 bytes (valid only inside the call).
    public func withUTF8<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes { all in try body(UnsafeRawBufferPointer(rebasing: all[range])) }
    }

    public static func == (a: JSONText, b: JSONText) -> Bool {
        a.storage[a.range].elementsEqual(b.storage[b.range])
    }
}
