#if canImport(Glibc)
import Glibc
#endif
import Logging
import ShadowControl

/// A folder of traffic files replayed once each: the oldest name first; afterwards a file moves to `done/`,
/// or to `failed/` with a `.reason` file beside it.
struct SpoolFolder {
    let path: String

    /// The next file waiting (regular, not hidden), in name order.
    func next() -> String? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            var info = stat()
            guard stat(path + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            names.append(name)
        }
        return names.min().map { path + "/" + $0 }
    }

    /// Moves a replayed file out of the way by how its job ended. A file whose job was interrupted by a stop
    /// stays, to be resumed from its checkpoint.
    func settle(_ file: String, state: JobInfo.State, error: String?, logger: Logger) {
        let name = String(file.split(separator: "/").last ?? "")
        let folder: String
        switch state {
        case .done: folder = "done"
        case .failed, .cancelled: folder = "failed"
        default: return
        }
        let target = path + "/" + folder
        mkdir(target, 0o770)
        if rename(file, target + "/" + name) != 0 {
            logger.error("cannot move spool file", metadata: ["file": "\(file)", "to": "\(target)",
                                                               "error": "\(String(cString: strerror(errno)))"])
            return
        }
        if folder == "failed" {
            let reason = (error ?? String(describing: state)) + "\n"
            if let out = fopen(target + "/" + name + ".reason", "w") {
                fputs(reason, out)
                fclose(out)
            }
        }
        logger.info("spool file replayed", metadata: ["file": "\(name)", "result": "\(folder)"])
    }
}
