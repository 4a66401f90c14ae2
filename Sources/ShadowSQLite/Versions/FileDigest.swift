#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShadowCore

/// Sizes and SHA-256 digests of files (run inputs, model files), read in 1 MiB chunks.
public enum FileDigest {
    /// A file's size and digest.
    public struct Result: Sendable, Equatable {
        /// Bytes read.
        public var size: Int64
        /// SHA-256 as 64 lowercase hex digits.
        public var sha256: String
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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, reason: systemError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(path: path, reason: systemError()) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw Failure(path: path, reason: "not a regular file") }
        var hasher = SHA256.Hasher()
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let n = read(fd, chunk.baseAddress, chunk.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: systemError())
            }
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
        }
        return Result(size: Int64(hasher.byteCount), sha256: hasher.hexDigest())
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
