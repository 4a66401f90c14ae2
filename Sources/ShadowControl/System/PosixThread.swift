#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A POSIX thread running one closure: used for work that blocks in system calls, off the Swift cooperative pool.
struct PosixThread: Sendable {
    /// The failure to create a thread (resource exhaustion), with the pthread error number.
    struct SpawnError: Error, Sendable, CustomStringConvertible {
        var code: Int32
        var description: String { "cannot start a thread: \(String(cString: strerror(code)))" }
    }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    private let handle: pthread_t

    /// Starts `body` on a new thread with a 1 MiB stack; a detached thread cannot be joined.
    static func spawn(detached: Bool, _ body: @escaping @Sendable () -> Void) throws(SpawnError) -> PosixThread {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 1 << 20)
        if detached { pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED)) }
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var handle = pthread_t()
        let result = pthread_create(&handle, &attributes, { argument in
            let box = Unmanaged<Box>.fromOpaque(argument!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        guard result == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            throw SpawnError(code: result)
        }
        return PosixThread(handle: handle)
    }

    /// Waits for a joinable thread to return.
    func join() {
        pthread_join(handle, nil)
    }
}
