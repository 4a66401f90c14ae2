import CShadowSys
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Creates the listening socket file: replaces a stale socket nobody listens on, refuses a live one or a non-socket,
/// then binds, applies mode and group, and listens.
struct ControlSocketFile {
    /// A bound, listening socket and the identity of its file (to unlink only our own on stop).
    struct Bound: Sendable {
        var fd: Int32
        var device: UInt64
        var inode: UInt64
    }

    var path: String
    var mode: mode_t
    var group: String?

    /// Binds and listens; every error names the path.
    func create() throws(ControlServerError) -> Bound {
        try removeStaleSocket()
        let fd = shadow_unix_stream_socket()
        guard fd >= 0 else { throw failure("cannot create a socket for", errno) }
        do throws(ControlServerError) {
            try bind(fd)
            guard chmod(path, mode) == 0 else { throw failure("cannot set mode \(octal(mode)) on", errno) }
            try applyGroup()
            guard listen(fd, 64) == 0 else { throw failure("cannot listen on", errno) }
            var info = stat()
            guard lstat(path, &info) == 0 else { throw failure("cannot stat", errno) }
            return Bound(fd: fd, device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        } catch {
            close(fd)
            throw error
        }
    }

    private func removeStaleSocket() throws(ControlServerError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw failure("cannot inspect", errno)
        }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw ControlServerError(.notASocket, path: path,
                                     "\(path) exists and is not a socket; move it away or choose another control path")
        }
        do {
            let probe = try UnixSocket.connect(to: path)
            close(probe)
            throw alreadyListening()
        } catch let error as SocketError where error.errno == ECONNREFUSED {
            guard unlink(path) == 0 || errno == ENOENT else { throw failure("cannot remove the stale socket", errno) }
        } catch let error as SocketError {
            throw failure("cannot probe the existing socket", error.errno)
        } catch let error as ControlServerError {
            throw error
        } catch {
            throw ControlServerError(.system, path: path, "cannot probe the existing socket \(path): \(error)")
        }
    }

    private func bind(_ fd: Int32) throws(ControlServerError) {
        guard shadow_unix_bind(fd, path) != 0 else { return }
        let code = errno
        switch code {
        case EADDRINUSE: throw alreadyListening()
        case ENOENT:
            let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            throw ControlServerError(.system, path: path, "cannot create the control socket \(path): the directory "
                + "\(directory.isEmpty ? "/" : directory) does not exist (systemd's RuntimeDirectory=shadowd creates it)")
        case ENAMETOOLONG:
            throw ControlServerError(.system, path: path,
                                     "cannot create the control socket \(path): the path is longer than 107 bytes")
        default: throw failure("cannot create the control socket", code)
        }
    }

    private func applyGroup() throws(ControlServerError) {
        guard let group else { return }
        var gid: UInt32 = 0
        switch shadow_group_id(group, &gid) {
        case 0:
            // Under systemd (Group=shadowd) the socket already has the group: no chown, which the unit's
            // seccomp filter does not allow.
            var info = stat()
            if stat(path, &info) == 0 && info.st_gid == gid { return }
            guard chown(path, uid_t.max, gid) == 0 else { throw failure("cannot give group \(group) ownership of", errno) }
        case 1:
            return  // no such group here (a development machine): keep the process's group
        default:
            throw failure("cannot look up group \(group) for", errno)
        }
    }

    private func alreadyListening() -> ControlServerError {
        ControlServerError(.alreadyListening, path: path,
                           "another process is already listening on \(path) (is shadowd already running?)")
    }

    private func failure(_ what: String, _ code: Int32) -> ControlServerError {
        ControlServerError(.system, path: path, "\(what) \(path): \(String(cString: strerror(code)))")
    }

    private func octal(_ mode: mode_t) -> String { "0" + String(mode, radix: 8) }
}
