#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The in-memory twin of the daemon's handler: reads each submitted descriptor to the end (proving it arrived and is
/// readable), keeps jobs in a list, and ends them only when told to (`finish`), so tests control timing.
public actor MemoryControlHandler: ControlHandler {
    private var jobList: [JobInfo] = []
    private var contents: [Int: [UInt8]] = [:]
    private var waiters: [Int: [(token: Int, continuation: CheckedContinuation<JobInfo, any Error>)]] = [:]
    private var nextToken = 0
    private let started = ContinuousClock.now

    /// How many `wait` calls are suspended right now.
    public private(set) var pendingWaits = 0
    /// How many suspended `wait` calls ended because their task was cancelled.
    public private(set) var cancelledWaits = 0

    /// Creates a handler with no jobs.
    public init() {}

    /// Reads the whole descriptor (small test files), closes it, and records a running job named `name`.
    public func submit(fileDescriptor: Int32, name: String) async throws -> JobInfo {
        defer { close(fileDescriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw ControlError(.failed, "cannot read \(name): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        let job = JobInfo(id: jobList.count + 1, run: nil, origin: .submitted, name: name, state: .running)
        jobList.append(job)
        contents[job.id] = bytes
        return job
    }

    /// Returns the job once it has ended; suspends until `finish`/`cancel` otherwise (cancellable).
    public func wait(job id: Int) async throws -> JobInfo {
        let job = try find(id)
        if Self.hasEnded(job) { return job }
        nextToken += 1
        let token = nextToken
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if Task.isCancelled {
                    cancelledWaits += 1
                    continuation.resume(throwing: CancellationError())
                    return
                }
                pendingWaits += 1
                waiters[id, default: []].append((token, continuation))
            }
        } onCancel: {
            Task { await self.cancelWait(job: id, token: token) }
        }
    }

    /// Every job, oldest first.
    public func jobs() async -> [JobInfo] { jobList }

    /// Marks a job cancelled (unless it has ended) and wakes its waiters.
    public func cancel(job id: Int) async throws -> JobInfo {
        let job = try find(id)
        if Self.hasEnded(job) { return job }
        return end(id, state: .cancelled, records: job.records)
    }

    /// A status line counting jobs.
    public func status() async -> DaemonStatus {
        let running = jobList.filter { !Self.hasEnded($0) }.count
        return DaemonStatus(line: "\(running) running, \(jobList.count) jobs", pid: getpid(),
                            configPath: "/etc/shadowd/shadowd.toml", database: ":memory:",
                            uptimeSeconds: Self.seconds(started.duration(to: .now)), models: ["champion"],
                            jobs: jobList)
    }

    /// Ends a job as done with `records` records and wakes its waiters.
    @discardableResult
    public func finish(job id: Int, records: Int) -> JobInfo {
        end(id, state: .done, records: records)
    }

    /// The bytes read from a submitted job's descriptor.
    public func contents(ofJob id: Int) -> [UInt8]? { contents[id] }

    private func end(_ id: Int, state: JobInfo.State, records: Int) -> JobInfo {
        guard let index = jobList.firstIndex(where: { $0.id == id }) else {
            preconditionFailure("MemoryControlHandler has no job \(id)")
        }
        jobList[index].state = state
        jobList[index].records = records
        let job = jobList[index]
        for waiter in waiters.removeValue(forKey: id) ?? [] {
            pendingWaits -= 1
            waiter.continuation.resume(returning: job)
        }
        return job
    }

    private func cancelWait(job id: Int, token: Int) {
        guard let index = waiters[id]?.firstIndex(where: { $0.token == token }),
              let waiter = waiters[id]?.remove(at: index) else { return }
        pendingWaits -= 1
        cancelledWaits += 1
        waiter.continuation.resume(throwing: CancellationError())
    }

    private func find(_ id: Int) throws(ControlError) -> JobInfo {
        guard let job = jobList.first(where: { $0.id == id }) else {
            throw ControlError(.unknownJob, "no job \(id) (shadowctl status lists the jobs)")
        }
        return job
    }

    private static func hasEnded(_ job: JobInfo) -> Bool {
        job.state == .done || job.state == .failed || job.state == .cancelled
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
