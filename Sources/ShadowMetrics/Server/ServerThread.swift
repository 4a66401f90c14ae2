#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A joinable POSIX thread running one closure: the server's event loop, which blocks in poll(2) and so stays
/// off the Swift cooperative pool.
struct ServerThread: Sendable {
    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    private let handle: pthread_t

    /// The pthread error number of a thread that could not be created.
    struct SpawnError: Error {
        var code: Int32
    }

    /// Starts `body` on a new thread with a 512 KiB stack, or fails when the system has no thread to give.
    static func spawn(_ body: @escaping @Sendable () -> Void) -> Result<ServerThread, SpawnError> {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 512 << 10)
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var handle = pthread_t()
        let result = pthread_create(&handle, &attributes, { argument in
            Unmanaged<Box>.fromOpaque(argument!).takeRetainedValue().body()
            return nil
        }, box)
        guard result == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            return .failure(SpawnError(code: result))
        }
        return .success(ServerThread(handle: handle))
    }

    /// Waits for the thread to return.
    func join() {
        pthread_join(handle, nil)
    }
}
