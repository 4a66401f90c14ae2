import ShadowControl
import ShadowCore
import ShadowRuntime
import Synchronization

/// The daemon's jobs (followed sources, spool files, submitted replays), their live counts, cancellation
/// requests, and everyone waiting for a job to end.
final class JobRegistry: Sendable {
    private struct State {
        var jobs: [Int: JobInfo] = [:]
        var nextID = 1
        var waiters: [Int: [(token: Int, continuation: CheckedContinuation<JobInfo?, Never>)]] = [:]
        var nextToken = 0
        var cancelled: Set<Int> = []
    }

    private let state = Mutex(State())

    static func hasEnded(_ job: JobInfo) -> Bool { [.done, .failed, .cancelled].contains(job.state) }

    /// Registers a job and returns it with its id.
    func add(origin: JobInfo.Origin, name: String, state jobState: JobInfo.State = .running) -> JobInfo {
        state.withLock { state in
            let job = JobInfo(id: state.nextID, run: nil, origin: origin, name: name, state: jobState)
            state.jobs[job.id] = job
            state.nextID += 1
            return job
        }
    }

    /// Changes a job; waiters are released when it ends.
    func update(_ id: Int, _ change: (inout JobInfo) -> Void) {
        let (ended, waiters): (JobInfo?, [(token: Int, continuation: CheckedContinuation<JobInfo?, Never>)]) =
            state.withLock { state in
            guard var job = state.jobs[id] else { return (nil, []) }
            change(&job)
            state.jobs[id] = job
            guard Self.hasEnded(job) else { return (nil, []) }
            return (job, state.waiters.removeValue(forKey: id) ?? [])
        }
        for waiter in waiters { waiter.continuation.resume(returning: ended) }
    }

    /// Copies a replay's running counts into its job.
    func record(_ id: Int, progress: ReplayProgress) {
        update(id) { job in
            job.records = progress.records
            job.rejects = progress.rejects
            job.disagreements = progress.disagreements
        }
    }

    func job(_ id: Int) -> JobInfo? { state.withLock { $0.jobs[id] } }

    var all: [JobInfo] { state.withLock { $0.jobs.values.sorted { $0.id < $1.id } } }

    /// Waits until the job ends (returns at once for one that has); nil for an unknown job, or when the waiting
    /// task is cancelled (a client that hung up).
    func waitForEnd(_ id: Int) async -> JobInfo? {
        let token = state.withLock { state in
            state.nextToken += 1
            return state.nextToken
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<JobInfo?, Never>) in
                let now: JobInfo?? = state.withLock { state in
                    guard let job = state.jobs[id] else { return .some(nil) }
                    if Self.hasEnded(job) || Task.isCancelled { return .some(Self.hasEnded(job) ? job : nil) }
                    state.waiters[id, default: []].append((token, continuation))
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<JobInfo?, Never>? in
                guard let index = state.waiters[id]?.firstIndex(where: { $0.token == token }) else { return nil }
                return state.waiters[id]?.remove(at: index).continuation
            }
            waiter?.resume(returning: nil)
        }
    }

    /// Asks a job to stop after its in-flight records.
    func requestCancel(_ id: Int) { _ = state.withLock { $0.cancelled.insert(id) } }

    func isCancelled(_ id: Int) -> Bool { state.withLock { $0.cancelled.contains(id) } }
}
