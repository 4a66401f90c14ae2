#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CXXHash
import ShadowCore

/// Sizes and digests of files, read in 1 MiB chunks: XXH3-128 for run inputs (gigabytes of traffic hashed at
/// memory speed, the same value `xxhsum -H2` prints), SHA-256 for model files.
public enum FileDigest {
    /// A file's size and digest.
    public struct Result: Sendable, Equatable {
        /// Bytes read.
        public var size: Int64
        /// The digest as lowercase hex digits (64 for SHA-256, 32 for XXH3-128).
        public var hex: String
    }

    /// Why a file could not be hashed.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file.
        public var path: String
        /// The system's reason.
        public var reason: String
        /// `path: reason`.
        public var description: String { "\(path): \(reason)" }
    }

    /// Reads the whole regular file at `path` and returns its size and SHA-256.
    public static func sha256(path: String) throws(Failure) -> Result {
        var hasher = SHA256.Hasher()
        let size = try readChunks(path: path) { hasher.update($0) }
        return Result(size: size, hex: hasher.hexDigest())
    }

    /// Reads the whole regular file at `path` and returns its size and XXH3-128 in canonical (big-endian) hex.
    public static func xxh128(path: String) throws(Failure) -> Result {
        guard let state = XXH3_createState() else { throw Failure(path: path, reason: "out of memory") }
        defer { XXH3_freeState(state) }
        XXH3_128bits_reset(state)
        let size = try readChunks(path: path) { XXH3_128bits_update(state, $0.baseAddress, $0.count) }
        var canonical = XXH128_canonical_t()
        XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state))
        let hex = withUnsafeBytes(of: canonical.digest) { bytes in
            bytes.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        }
        return Result(size: size, hex: hex)
    }

    /// Hands every chunk of the regular file at `path` to `body`; returns the bytes read.
    private static func readChunks(path: String, _ body: (UnsafeRawBufferPointer) -> Void) throws(Failure) -> Int64 {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, reason: systemError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(path: path, reason: systemError()) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw Failure(path: path, reason: "not a regular file") }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        var total: Int64 = 0
        while true {
            let n = read(fd, chunk.baseAddress, chunk.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: systemError())
            }
            if n == 0 { break }
            body(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            total += Int64(n)
        }
        return total
    }

    /// `path` made absolute against the current directory (lexically; symbolic links are kept).
    public static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return normalize(path) }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return normalize(cwd + "/" + path)
    }

    /// Folds `.`, `..` and doubled slashes of an absolute path.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func systemError() -> String {
        let code = errno
        return String(cString: strerror(code)) + " (errno \(code))"
    }
}
