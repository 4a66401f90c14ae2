import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShadowCore

/// The bytes of a capture file in blocks, inflated through zlib when the file starts with the gzip magic bytes
/// (several concatenated gzip members are read one after another). Owns and closes its descriptor.
final class FormatByteStream {
    /// The file, as given (for errors).
    let path: String
    /// Whether the file is gzip-compressed.
    private(set) var isGzip = false
    private let fd: Int32
    private let blockSize: Int
    private let input: UnsafeMutablePointer<UInt8>
    private var inputCount = 0
    private var zstream: UnsafeMutablePointer<z_stream>?
    private var closed = false
    private var midMember = false
    /// Whether the file is followed while being written: a gzip member whose end has not been written yet is
    /// then waited for (0 bytes now, more on a later call) instead of failing as a truncated file.
    var waitsForMore = false

    /// Wraps `fd` (positioned at the file start); reads the first block to detect compression.
    init(fd: Int32, path: String, blockSize: Int = 1 << 16) throws(TrafficReaderError) {
        self.fd = fd
        self.path = path
        self.blockSize = max(blockSize, 64)
        input = .allocate(capacity: self.blockSize)
        do throws(TrafficReaderError) {
            try fill()
        } catch {
            input.deallocate()
            _ = Glibc.close(fd)
            throw error
        }
        if inputCount >= 2 && input[0] == 0x1f && input[1] == 0x8b {
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            let status = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else {
                stream.deallocate()
                input.deallocate()
                _ = Glibc.close(fd)
                throw TrafficReaderError(.read, file: path, "cannot start gzip decompression (zlib status \(status))")
            }
            stream.pointee.next_in = input
            stream.pointee.avail_in = uInt(inputCount)
            zstream = stream
            isGzip = true
        }
    }

    deinit { close() }

    /// Closes the descriptor and frees zlib state (idempotent).
    func close() {
        guard !closed else { return }
        closed = true
        if let stream = zstream {
            inflateEnd(stream)
            stream.deallocate()
            zstream = nil
        }
        input.deallocate()
        _ = Glibc.close(fd)
    }

    /// Appends up to one block of (inflated) bytes to `out`; returns how many, 0 at the end of the file.
    func read(appendingTo out: inout [UInt8]) throws(TrafficReaderError) -> Int {
        guard let stream = zstream else {
            if inputCount == 0 { try fill() }  // at the end, read again: a followed file may have grown
            let n = inputCount
            out.append(contentsOf: UnsafeBufferPointer(start: input, count: n))
            inputCount = 0
            return n
        }
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: blockSize)
        defer { output.deallocate() }
        while true {
            if stream.pointee.avail_in == 0 {
                try fill()
                stream.pointee.next_in = input
                stream.pointee.avail_in = uInt(inputCount)
                if inputCount == 0 {
                    if midMember && !waitsForMore {
                        throw TrafficReaderError(.read, file: path, "gzip data ends early (truncated file)")
                    }
                    return 0
                }
            }
            stream.pointee.next_out = output
            stream.pointee.avail_out = uInt(blockSize)
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = blockSize - Int(stream.pointee.avail_out)
            switch status {
            case Z_STREAM_END:
                midMember = false
                inflateReset(stream)  // another gzip member may follow (`cat a.gz b.gz`)
            case Z_OK, Z_BUF_ERROR:
                midMember = true
            default:
                throw TrafficReaderError(.read, file: path, "gzip data is corrupt (zlib status \(status))")
            }
            if produced > 0 {
                out.append(contentsOf: UnsafeBufferPointer(start: output, count: produced))
                return produced
            }
        }
    }

    /// Reads the next raw block of the file into `input`.
    private func fill() throws(TrafficReaderError) {
        while true {
            let n = Glibc.read(fd, input, blockSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw TrafficReaderError(.read, file: path, "read failed: \(String(cString: strerror(errno)))")
            }
            inputCount = n
            return
        }
    }
}
