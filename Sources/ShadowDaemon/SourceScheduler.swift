#if canImport(Glibc)
import Glibc
#endif
import ShadowControl
import ShadowCore

/// The daemon's work loop: expands `[[sources]]` globs and starts a job per file, and replays spool files one at
/// a time. It beats on every pass, so a hung loop stops the watchdog pings.
struct SourceScheduler: Sendable {
    let context: DaemonContext

    func run() async {
        await withTaskGroup(of: Void.self) { group in
            var started: Set<String> = []
            var spoolBusy = false
            while !context.isStopping {
                context.beat("scheduler")
                if context.settings.daemon.watchdogTestStall {
                    // Test switch: behave like a hung pipeline (no more beats, so no watchdog pings).
                    context.logger.warning("watchdog_test_stall is on: the work loop stops")
                    while !context.isStopping { try? await Task.sleep(for: .milliseconds(100)) }
                    break
                }
                for source in context.settings.sources {
                    for path in Glob.expand(source.path) where !started.contains(path) {
                        started.insert(path)
                        let job = context.jobs.add(origin: .source, name: path)
                        let replay = FileReplayJob(context: context, job: job.id, name: path, input: .path(path),
                                                   checkpointKey: "source:" + path, follow: source.follow)
                        group.addTask { finish(job.id, await replay.run()) }
                    }
                }
                if !spoolBusy, let spool = context.settings.daemon.spool, let next = SpoolFolder(path: spool).next() {
                    spoolBusy = true
                    let job = context.jobs.add(origin: .spool, name: next)
                    group.addTask {
                        let state = await FileReplayJob(
                            context: context, job: job.id, name: next, input: .path(next),
                            checkpointKey: "spool:" + next, follow: false).run()
                        SpoolFolder(path: spool).settle(next, state: state, error: context.jobs.job(job.id)?.error,
                                                        logger: context.logger)
                        finish(job.id, state)
                    }
                }
                // Reap finished spool jobs so the next file can start.
                if spoolBusy, !context.jobs.all.contains(where: { $0.origin == .spool && !JobRegistry.hasEnded($0) }) {
                    spoolBusy = false
                    continue
                }
                try? await Task.sleep(for: .milliseconds(context.settings.daemon.pollMs))
            }
            await group.waitForAll()
        }
        context.retire("scheduler")
    }

    func finish(_ job: Int, _ state: JobInfo.State) {
        context.jobs.update(job) { $0.state = state }
    }
}
