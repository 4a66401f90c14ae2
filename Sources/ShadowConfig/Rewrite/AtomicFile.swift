#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's content atomically: a temporary file in the same folder is written, synced and renamed over
/// the original, then the folder is synced. Readers see the old content or the new, never a mix; a failure at
/// any step leaves the original untouched and removes the temporary file.
public enum AtomicFile {
    /// Writes `text` to `path` (a symbolic link is followed: its target is replaced and the link kept). The mode
    /// and, where permitted, the owner of the original are kept. With `expecting`, refuses when the file no longer
    /// holds that text (someone edited it meanwhile). `beforeRename` runs after the temporary file is synced and
    /// before the rename; an error it throws aborts the replacement.
    public static func replace(path: String, with text: String, expecting: String? = nil,
                               beforeRename: () throws -> Void = {}) throws(RewriteError) {
        guard let resolved = realpath(path, nil) else { throw failure(path, "cannot resolve the path") }
        let target = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(target, &info) == 0 else { throw failure(path, "cannot stat the file") }
        let folder = target.lastIndex(of: "/").map { String(target[..<$0]) } ?? "."
        let base = target.lastIndex(of: "/").map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array((folder + "/." + base + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(path, "cannot create a temporary file in \(folder)") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(fd) }
            let bytes = Array(text.utf8)
            var written = 0
            while written < bytes.count {
                let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw failure(temporary, "cannot write the temporary file") }
                written += n
            }
            guard fchmod(fd, info.st_mode & 0o7777) == 0 else { throw failure(temporary, "cannot set the file mode") }
            _ = fchown(fd, info.st_uid, info.st_gid)  // keeps the owner when permitted (root); otherwise ours
            guard fsync(fd) == 0 else { throw failure(temporary, "cannot sync the temporary file") }
        }
        if let expecting {
            guard let current = try? currentText(target), current == expecting else {
                throw RewriteError(.changedConcurrently, file: path,
                                   "the file changed while it was being rewritten; nothing was written, try again")
            }
        }
        do {
            try beforeRename()
        } catch {
            throw RewriteError(.io, file: path, "aborted before the rename (\(error)); the file is unchanged")
        }
        guard rename(temporary, target) == 0 else { throw failure(path, "cannot rename the temporary file over it") }
        renamed = true
        let dirfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            _ = fsync(dirfd)
            close(dirfd)
        }
    }

    /// The whole text of a file.
    static func currentText(_ path: String) throws(RewriteError) -> String {
        do {
            return try ConfigFile.text(at: path)
        } catch {
            throw RewriteError(.io, file: path, error.message)
        }
    }

    private static func failure(_ path: String, _ what: String) -> RewriteError {
        let code = errno
        return RewriteError(.io, file: path, what + ": " + String(cString: strerror(code)) + " (errno \(code))")
    }
}
