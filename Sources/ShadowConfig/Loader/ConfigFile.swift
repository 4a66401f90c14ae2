#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the config file with plain POSIX calls: the loader's only I/O.
enum ConfigFile {
    /// The file's text; a `ConfigError` naming the file when it cannot be read or is not UTF-8.
    static func text(at path: String) throws(ConfigError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, "cannot open the file: \(lastError())") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot read the file: \(lastError())")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > 16 << 20 { throw failure(path, "the file is larger than 16 MiB; is it a config file?") }
        }
        if let line = firstInvalidUTF8Line(bytes) {
            throw ConfigError(file: path, line: line, keyPath: "", message: "the file is not valid UTF-8")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The absolute form of `path`, using the current directory for a relative one.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return ConfigPath.normalize(path) }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return ConfigPath.normalize(path) }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return ConfigPath.resolve(path, against: cwd)
    }

    /// The 1-based line holding the first byte sequence that is not UTF-8, or nil when all of it is.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var line = 1
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let failed = transcode(bytes[start..<end].makeIterator(), from: UTF8.self, to: UTF32.self,
                                   stoppingOnError: true, into: { _ in })
            if failed { return line }
            line += 1
            start = end + 1
        }
        return nil
    }

    private static func failure(_ path: String, _ message: String) -> ConfigError {
        ConfigError(file: path, line: 0, keyPath: "", message: message)
    }

    private static func lastError() -> String {
        let code = errno
        return String(cString: strerror(code)) + " (errno \(code))"
    }
}
