#if canImport(Glibc)
import Glibc
#endif
import ShadowControl
import ShadowCore

/// The daemon's answers to `shadowctl` over the control socket.
struct DaemonControl: ControlHandler {
    let context: DaemonContext
    /// Starts a job's task; the service owns the task group jobs run in.
    let launch: @Sendable (@escaping @Sendable () async -> Void) -> Void

    func submit(fileDescriptor: Int32, name: String) async throws -> JobInfo {
        if context.isStopping {
            _ = close(fileDescriptor)
            throw ControlError(.unavailable, "shadowd is stopping")
        }
        let job = context.jobs.add(origin: .submitted, name: name)
        let replay = FileReplayJob(context: context, job: job.id, name: name, input: .descriptor(fileDescriptor),
                                   checkpointKey: nil, follow: false)
        launch { [context] in
            let state = await replay.run()
            context.jobs.update(job.id) { $0.state = state }
        }
        return context.jobs.job(job.id) ?? job
    }

    func wait(job: Int) async throws -> JobInfo {
        guard context.jobs.job(job) != nil else { throw ControlError(.unknownJob, "no job \(job)") }
        guard let ended = await context.jobs.waitForEnd(job) else {
            throw ControlError(.unavailable, "stopped waiting for job \(job)")
        }
        return ended
    }

    func jobs() async -> [JobInfo] { context.jobs.all }

    func cancel(job: Int) async throws -> JobInfo {
        guard let info = context.jobs.job(job) else { throw ControlError(.unknownJob, "no job \(job)") }
        context.jobs.requestCancel(job)
        return info
    }

    func status() async -> DaemonStatus {
        DaemonStatus(line: StatusLine.render(context: context, rate: 0), pid: getpid(),
                     configPath: context.configPath, database: context.store.path,
                     uptimeSeconds: context.uptimeSeconds, models: context.models.models.map(\.name),
                     jobs: context.jobs.all)
    }
}
