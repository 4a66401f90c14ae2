import CShadowSys
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Buffers a stream socket into newline-terminated messages and keeps descriptors passed with SCM_RIGHTS.
///
/// A descriptor is tied to the stream offset where the chunk that carried it began; it belongs to the first
/// message that ends after that offset and claims it (see `takeDescriptor(forLineEndingAt:)`).
struct SocketLineReader {
    /// One step of extracting a message from the buffer.
    enum Extracted {
        /// A full message without its newline (and without a trailing carriage return), and its end offset.
        case line([UInt8], end: Int)
        /// No newline yet: receive more.
        case needMore
        /// More than `maxLineBytes` arrived without a newline.
        case tooLong
    }

    /// What one receive produced.
    enum Received: Equatable {
        case data
        case endOfStream
        case failed(SocketError)
    }

    let fd: Int32
    let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// Stream offset of `buffer[0]`.
    private var base = 0
    private var descriptors: [(fd: Int32, arrivedAt: Int)] = []
    private static let maxPendingDescriptors = 4

    /// Reads from `fd` (which stays owned by the caller) with messages limited to `maxLineBytes`.
    init(fd: Int32, maxLineBytes: Int) {
        self.fd = fd
        self.maxLineBytes = maxLineBytes
    }

    /// Takes the next complete message out of the buffer, if there is one.
    mutating func nextLine() -> Extracted {
        let end = buffer.count
        guard readIndex < end else { return .needMore }
        if let newline = buffer[readIndex..<end].firstIndex(of: UInt8(ascii: "\n")) {
            var lineEnd = newline
            if lineEnd > readIndex && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let line = Array(buffer[readIndex..<lineEnd])
            readIndex = newline + 1
            let endOffset = base + readIndex
            compact()
            return .line(line, end: endOffset)
        }
        return end - readIndex > maxLineBytes ? .tooLong : .needMore
    }

    /// Receives one chunk (blocking unless poll said the socket is readable).
    mutating func receive() -> Received {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        var passed: Int32 = -1
        let count = chunk.withUnsafeMutableBytes { shadow_recv_with_fd(fd, $0.baseAddress, $0.count, &passed) }
        if count < 0 { return .failed(SocketError(operation: "recvmsg", errno: errno)) }
        if passed >= 0 {
            if descriptors.count >= Self.maxPendingDescriptors {
                close(passed)
            } else {
                descriptors.append((passed, base + buffer.count))
            }
        }
        if count == 0 { return .endOfStream }
        buffer.append(contentsOf: chunk[0..<count])
        return .data
    }

    /// Hands over the oldest descriptor that arrived with bytes of the message ending at `end`; the caller owns it.
    mutating func takeDescriptor(forLineEndingAt end: Int) -> Int32? {
        guard let index = descriptors.firstIndex(where: { $0.arrivedAt < end }) else { return nil }
        return descriptors.remove(at: index).fd
    }

    /// Closes descriptors nobody claimed, when the connection ends.
    mutating func closeDescriptors() {
        for entry in descriptors { close(entry.fd) }
        descriptors.removeAll()
    }

    private mutating func compact() {
        guard readIndex > 0, readIndex >= buffer.count / 2 else { return }
        buffer.removeSubrange(0..<readIndex)
        base += readIndex
        readIndex = 0
    }
}
