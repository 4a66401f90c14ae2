#if canImport(Glibc)
import Glibc
#endif

/// Expands a path pattern with glob(3); a plain path is returned when it exists.
enum Glob {
    static func expand(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { i in result.gl_pathv[i].map { String(cString: $0) } }
            .filter { path in
                var info = stat()
                return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            }
            .sorted()
    }
}
