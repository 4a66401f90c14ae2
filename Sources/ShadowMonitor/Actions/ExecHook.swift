#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Runs an exec action: `argv` without a shell, the given environment, output captured (truncated), killed with
/// its process group when it outlives the timeout.
enum ExecHook {
    /// Bytes kept of each of stdout and stderr.
    static let captureLimit = 4096

    /// Runs the program and waits for it (blocking; call through `BlockingThread`).
    static func run(argv: [String], environment: [String: String], timeoutMs: Int) -> ActionResult {
        let started = now()
        func result(ok: Bool, exit: Int? = nil, out: [UInt8] = [], err: [UInt8] = [], error: String? = nil) -> ActionResult {
            ActionResult(kind: "exec", target: argv.first ?? "", ok: ok, exit: exit,
                         stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                         error: error, ms: (now() - started) * 1000)
        }
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            return result(ok: false, error: "pipe: " + String(cString: strerror(errno)))
        }
        // Not inherited by other hooks spawned meanwhile (posix_spawn's dup2 clears the flag on 1 and 2).
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.sorted { $0.key < $1.key }.map { strdup($0.key + "=" + $0.value) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid = pid_t()
        let rc: Int32
        if argv[0].contains("/") {
            rc = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
        } else {
            // posix_spawnp searches the PATH of this process; the hook's own PATH is in its environment.
            rc = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
        }
        close(outPipe[1])
        close(errPipe[1])
        defer {
            close(outPipe[0])
            close(errPipe[0])
        }
        guard rc == 0 else { return result(ok: false, error: "cannot start \(argv[0]): " + String(cString: strerror(rc))) }
        var out: [UInt8] = [], err: [UInt8] = []
        var open = [outPipe[0], errPipe[0]]
        let deadline = started + Double(timeoutMs) / 1000
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !open.isEmpty {
            let left = deadline - now()
            if left <= 0 { timedOut = true; break }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left * 1000 + 1, 1000)))
            if ready < 0 && errno != EINTR { break }
            for fd in fds where fd.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fd.fd, $0.baseAddress, $0.count) }
                if n <= 0 {
                    open.removeAll { $0 == fd.fd }
                    continue
                }
                let room = captureLimit - (fd.fd == outPipe[0] ? out.count : err.count)
                if room > 0 {
                    let chunk = buffer[0..<min(n, room)]
                    if fd.fd == outPipe[0] { out += chunk } else { err += chunk }
                }
            }
        }
        if timedOut { kill(-pid, SIGKILL); kill(pid, SIGKILL) }
        var status: Int32 = 0
        while true {
            if !timedOut {
                let r = waitpid(pid, &status, WNOHANG)
                if r == pid { break }
                if r < 0 && errno != EINTR { return result(ok: false, out: out, err: err, error: "waitpid failed") }
                if now() >= deadline {
                    timedOut = true
                    kill(-pid, SIGKILL); kill(pid, SIGKILL)
                    continue
                }
                usleep(2_000)
            } else if waitpid(pid, &status, 0) == pid || errno != EINTR {
                break
            }
        }
        let code: Int
        let signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        code = signalled ? 128 + Int(status & 0x7f) : Int((status >> 8) & 0xff)
        if timedOut { return result(ok: false, exit: code, out: out, err: err, error: "timed out after \(timeoutMs) ms") }
        return result(ok: code == 0, exit: code, out: out, err: err, error: code == 0 ? nil : "exit status \(code)")
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
