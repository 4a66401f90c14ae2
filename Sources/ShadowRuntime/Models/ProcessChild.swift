#if canImport(Glibc)
import Glibc
#endif
import ShadowCore

/// One running instance of a process model's program: its pid and the pipe ends to its stdin and stdout.
final class ProcessChild: Sendable {
    let pid: pid_t
    /// Write end of the child's stdin (non-blocking).
    let input: Int32
    /// Read end of the child's stdout (blocking; read by the reader thread).
    let output: Int32
    /// Monotonic instant the child was started.
    let startedNanos: UInt64

    /// Why a child could not be started.
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    private init(pid: pid_t, input: Int32, output: Int32) {
        self.pid = pid
        self.input = input
        self.output = output
        startedNanos = MonotonicClock.nanos()
    }

    deinit {
        close(input)
        close(output)
    }

    /// Starts `settings.argv` directly (posix_spawnp, no shell) in `settings.directory`, with shadowd's environment
    /// plus `settings.env`, its stdin and stdout on pipes and its stderr shared with shadowd.
    static func spawn(_ settings: ProcessModelSettings) throws -> ProcessChild {
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard let addChdir = addChdir else {
            throw SpawnError(description: "posix_spawn_file_actions_addchdir_np is missing from this C library")
        }
        guard pipe(&toChild) == 0 else { throw SpawnError(description: "pipe: \(errnoText())") }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0]); close(toChild[1])
            throw SpawnError(description: "pipe: \(errnoText())")
        }
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        _ = addChdir(&actions, settings.directory)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with default signal handling whatever shadowd ignores (SIGPIPE).
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let environment = mergedEnvironment(settings.env)
        var pid = pid_t()
        let rc = withCStrings(settings.argv) { argv in
            withCStrings(environment) { envp in
                posix_spawnp(&pid, settings.argv[0], &actions, &attributes, argv, envp)
            }
        }
        close(toChild[0])
        close(fromChild[1])
        guard rc == 0 else {
            close(toChild[1]); close(fromChild[0])
            throw SpawnError(description: "cannot run \(settings.argv[0]): \(String(cString: strerror(rc)))")
        }
        _ = fcntl(toChild[1], F_SETFL, fcntl(toChild[1], F_GETFL) | O_NONBLOCK)
        return ProcessChild(pid: pid, input: toChild[1], output: fromChild[0])
    }

    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), looked up at run time: Swift's Glibc module hides it.
    nonisolated(unsafe) static let addChdir: AddChdir? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "posix_spawn_file_actions_addchdir_np")
        else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// shadowd's environment with `overrides` replacing or adding variables, as `NAME=value` strings.
    static func mergedEnvironment(_ overrides: [String: String]) -> [String] {
        var result: [String] = []
        var p = environ
        while let entry = p.pointee {
            let text = String(cString: entry)
            let name = text.prefix { $0 != "=" }
            if overrides[String(name)] == nil { result.append(text) }
            p += 1
        }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) { result.append("\(name)=\(value)") }
        return result
    }

    static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for p in pointers { free(p) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
