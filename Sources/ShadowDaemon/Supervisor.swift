import ShadowCore
import ShadowRuntime

/// Pings the systemd watchdog while every work loop is alive, and keeps the status line current.
struct Supervisor: Sendable {
    let context: DaemonContext

    func run() async {
        let watchdog = context.notifier.watchdogInterval
        let statusEvery = UInt64(context.settings.daemon.statusIntervalMs) * 1_000_000
        // Ping at half the watchdog interval (systemd's advice); look at least as often for the status line.
        let period: Duration = watchdog.map { min($0 / 2, .milliseconds(500)) } ?? .milliseconds(500)
        let staleAfter = watchdog.map(Self.halfNanos) ?? 0
        var lastStatus: UInt64 = 0
        var rate = RateMeter()
        let triggers = LastTrigger(database: context.store.path)
        while !context.isStopping {
            let now = MonotonicClock.nanos()
            let records = context.jobs.all.reduce(0) { $0 + $1.records }
            rate.add(records: records, at: now)
            if watchdog != nil {
                let stale = context.staleLoops(olderThan: max(staleAfter, 1_000_000_000))
                if stale.isEmpty {
                    context.notify { try $0.watchdogPing() }
                } else {
                    context.logger.warning("work loop not responding; watchdog pings withheld",
                                           metadata: ["loops": "\(stale.joined(separator: ", "))"])
                }
            }
            if now &- lastStatus >= statusEvery {
                lastStatus = now
                let line = StatusLine.render(context: context, rate: rate.perSecond, lastTriggerAgo: triggers.secondsAgo())
                context.notify { try $0.status(line) }
            }
            try? await Task.sleep(for: period)
        }
    }
}

extension Supervisor {
    /// Half a duration, in nanoseconds.
    static func halfNanos(_ d: Duration) -> UInt64 {
        let seconds = UInt64(d.components.seconds)
        let nanos = UInt64(d.components.attoseconds / 1_000_000_000)
        return (seconds * 1_000_000_000 + nanos) / 2
    }
}

/// Records per second over the last ten seconds, from cumulative counts.
struct RateMeter {
    var samples: [(nanos: UInt64, records: Int)] = []

    mutating func add(records: Int, at nanos: UInt64) {
        samples.append((nanos, records))
        samples.removeAll { nanos &- $0.nanos > 10_000_000_000 }
    }

    var perSecond: Double {
        guard let first = samples.first, let last = samples.last, last.nanos > first.nanos else { return 0 }
        return Double(max(0, last.records - first.records)) / (Double(last.nanos - first.nanos) / 1e9)
    }
}
