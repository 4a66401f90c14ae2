#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Runs blocking work (a hook's poll loop, a socket exchange) on a thread of its own, so it never occupies one
/// of the few threads of Swift's cooperative pool.
enum BlockingThread {
    private final class Box: @unchecked Sendable {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// The result of `work`, computed on a new detached POSIX thread.
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (done: CheckedContinuation<T, Never>) in
            let box = Box { done.resume(returning: work()) }
            let raw = Unmanaged.passRetained(box).toOpaque()
            var thread = pthread_t()
            let rc = pthread_create(&thread, nil, { arg in
                let box = Unmanaged<Box>.fromOpaque(arg!).takeRetainedValue()
                box.work()
                return nil
            }, raw)
            if rc == 0 {
                pthread_detach(thread)
            } else {
                Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().work()
            }
        }
    }
}
