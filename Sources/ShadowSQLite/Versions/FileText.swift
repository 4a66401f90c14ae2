#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads small files whole (config files kept in run manifests).
enum FileText {
    /// The bytes of the file at `path`; fails when it cannot be read or is larger than `limit`.
    static func contents(path: String, limit: Int64) throws(FileDigest.Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileDigest.Failure(path: path, reason: FileDigest.systemError()) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileDigest.Failure(path: path, reason: FileDigest.systemError())
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
            if Int64(bytes.count) > limit { throw FileDigest.Failure(path: path, reason: "larger than \(limit) bytes") }
        }
    }
}
