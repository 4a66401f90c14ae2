#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Minimal POSIX file checks for the tests (the target avoids Foundation).
enum FileProbe {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// The entry names of a directory, without `.` and `..`.
    static func names(in directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Writes `text` to a fresh file under /tmp and returns its path.
    static func temporaryFile(named name: String, _ text: String) -> String {
        var template = Array("/tmp/shadowconfig-XXXXXX".utf8CString)
        let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        let path = dir + "/" + name
        let file = fopen(path, "w")!
        fputs(text, file)
        fclose(file)
        return path
    }

    /// Replaces a file's content with raw bytes.
    static func overwrite(_ path: String, bytes: [UInt8]) {
        let file = fopen(path, "w")!
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
    }
}
