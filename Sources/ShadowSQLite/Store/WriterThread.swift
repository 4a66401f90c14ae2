#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A dedicated OS thread (outside the Swift concurrency pool) running one closure, joinable once.
final class WriterThread: @unchecked Sendable {
    #if os(Linux)
    private var thread: pthread_t = 0
    #else
    private var thread: pthread_t?
    #endif
    private var joined = false

    private final class Body {
        let name: String
        let run: () -> Void
        init(name: String, run: @escaping () -> Void) {
            self.name = name
            self.run = run
        }
    }

    /// Starts the thread; `name` labels it where the platform allows it from Swift (Glibc hides
    /// `pthread_setname_np` behind `_GNU_SOURCE`).
    init(name: String, _ run: @escaping @Sendable () -> Void) {
        let body = Unmanaged.passRetained(Body(name: name, run: run)).toOpaque()
        let rc = pthread_create(&thread, nil, { context in
            let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
            #if canImport(Darwin)
            pthread_setname_np(body.name)
            #endif
            body.run()
            return nil
        }, body)
        precondition(rc == 0, "pthread_create failed with \(rc)")
    }

    /// Waits for the thread to return; call it once. Called from the thread itself (its last reference to
    /// the owner dropped there), it detaches instead of deadlocking.
    func join() {
        guard !joined else { return }
        joined = true
        #if os(Linux)
        let handle = thread
        #else
        guard let handle = thread else { return }
        #endif
        if pthread_equal(handle, pthread_self()) != 0 {
            pthread_detach(handle)
        } else {
            pthread_join(handle, nil)
        }
    }
}
