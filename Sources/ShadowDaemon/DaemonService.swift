#if canImport(Glibc)
import Glibc
#endif
import Logging
import ServiceLifecycle
import ShadowControl
import ShadowCore
import ShadowMetrics
import UnixSignals

/// The daemon as one `Service`: the work loop (sources and spool), submitted jobs, the control socket, the
/// supervisor (watchdog and status) and SIGHUP reloads. On graceful shutdown (SIGTERM) it stops intake, lets
/// every job commit what is in flight with its checkpoint, flushes the store and returns.
struct DaemonService: Service {
    let context: DaemonContext

    func run() async throws {
        let launcher = JobLauncher()
        let control = DaemonControl(context: context, launch: { launcher.launch($0) })
        let settings = context.settings
        let server = ControlServer(path: settings.daemon.controlSocket, mode: 0o660,
                                   group: settings.daemon.socketGroup, handler: control)
        try server.start()
        context.logger.info("control socket ready", metadata: ["socket": "\(settings.daemon.controlSocket)"])
        let metrics: MetricsServer?
        do {
            metrics = try startMetrics()
        } catch {
            server.stop()
            throw error
        }
        context.notify { try $0.ready() }
        context.logger.info("shadowd ready", metadata: [
            "message_id": "\(MessageID.started)", "config": "\(context.configPath)",
            "database": "\(context.store.path)", "models": "\(context.models.models.map(\.name).joined(separator: ","))",
        ])
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await SourceScheduler(context: context).run() }
                group.addTask { await Supervisor(context: context).run() }
                group.addTask { await launcher.run(until: { context.isStopping }) }
                group.addTask {
                    let hangups = await UnixSignalsSequence(trapping: .sighup)
                    for await _ in hangups {
                        if context.isStopping { break }
                        ConfigReload(context: context).reload()
                    }
                }
                // The scheduler, supervisor and launcher end once stopping; the SIGHUP listener does not.
                for _ in 0..<3 { await group.next() }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            context.notify { try $0.stopping() }
            context.logger.info("stopping: finishing in-flight records")
            context.beginStopping()
        }
        server.stop()
        metrics?.stop()
        await context.monitor?.finish()   // triggers' hooks and webhooks, and the monitor's last rows
        await context.timeline.finish()   // the last interval, bucket counts and top disagreements of each run
        try context.store.flush()
        context.logger.info("shadowd stopped", metadata: ["message_id": "\(MessageID.stopped)"])
    }
}

/// Runs jobs started from the control socket inside the service's task tree, so a stop waits for them.
final class JobLauncher: Sendable {
    private let pending: AsyncStream<@Sendable () async -> Void>
    private let sink: AsyncStream<@Sendable () async -> Void>.Continuation

    init() {
        (pending, sink) = AsyncStream.makeStream()
    }

    func launch(_ work: @escaping @Sendable () async -> Void) {
        sink.yield(work)
    }

    /// Starts each launched job as a child task; returns when `stopped` and every job has ended.
    func run(until stopped: @escaping @Sendable () -> Bool) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [sink] in
                while !stopped() { try? await Task.sleep(for: .milliseconds(100)) }
                sink.finish()
            }
            for await work in pending { group.addTask { await work() } }
            await group.waitForAll()
        }
    }
}
