import Logging
import ShadowSQLite

/// The monitor's database writes, run in order on a task of their own so the replay never waits for a commit.
/// Each job runs inside `SQLiteStore.write` (on the store's writer thread, after the rows queued before it).
final class MonitorOutbox: Sendable {
    private enum Job: Sendable {
        case write(@Sendable (SQLiteDatabase) throws -> Void)
        case barrier(CheckedContinuation<Void, Never>)
    }

    private let continuation: AsyncStream<Job>.Continuation
    private let task: Task<Void, Never>

    /// Starts the writing task over `store`; failures are logged (a failed store also fails the replay itself).
    init(store: SQLiteStore, logger: Logger) {
        let (stream, continuation) = AsyncStream<Job>.makeStream()
        self.continuation = continuation
        task = Task.detached {
            var reported = false
            for await job in stream {
                switch job {
                case .write(let body):
                    do {
                        try store.write { db in try body(db) }
                    } catch {
                        if !reported { logger.error("drift monitor could not write", metadata: ["error": "\(error)"]) }
                        reported = true
                    }
                case .barrier(let done):
                    done.resume()
                }
            }
        }
    }

    deinit { continuation.finish() }

    /// Queues a write; returns at once.
    func enqueue(_ body: @escaping @Sendable (SQLiteDatabase) throws -> Void) {
        continuation.yield(.write(body))
    }

    /// Waits until every write queued before this call has been committed.
    func drain() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            continuation.yield(.barrier(done))
        }
    }
}
