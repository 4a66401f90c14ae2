#if canImport(Glibc)
import Glibc
#endif

/// Files of the repository located from this source file, so tests run from any working directory.
enum RepositoryFiles {
    /// This test target's folder.
    static let testsFolder: String = {
        var path = String(#filePath)
        for _ in 0..<2 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    /// The whole content of a text file, or nil when it cannot be read.
    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n == 0 { break }
            bytes += buffer[..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `text` to `path` (golden files re-recorded with SHADOWD_RECORD_GOLDEN=1).
    static func write(_ text: String, to path: String) {
        guard let file = fopen(path, "wb") else { return }
        defer { fclose(file) }
        _ = Array(text.utf8).withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    }

    /// Whether golden files should be re-recorded instead of compared.
    static var recordsGolden: Bool { getenv("SHADOWD_RECORD_GOLDEN") != nil }
}
