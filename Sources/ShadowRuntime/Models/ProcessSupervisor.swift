#if canImport(Glibc)
import Glibc
#endif
import ShadowCore
import Synchronization

/// Keeps a process model's child running: starts it, reads its answers on a reader thread, fails records of a dead
/// child with `process_died`, restarts it with exponential backoff (100 ms doubling to 5 s), expires requests past
/// their timeout, and samples its CPU time and RSS every 500 ms.
final class ProcessSupervisor: Sendable {
    struct Pending {
        var batch: ProcessBatch
        var index: Int
        var start: UInt64
        var generation: Int
    }

    struct State {
        var child: ProcessChild?
        var generation = 0
        var pending: [UInt64: Pending] = [:]
        var nextID: UInt64 = 0
        var inFlight = 0
        var slotWaiters: [CheckedContinuation<Void, Never>] = []
        var downUntil: UInt64 = 0
        var backoff: UInt64 = ProcessSupervisor.defaultFirstBackoff
        var restarts = 0
        var finishedCPU = 0.0
        var liveCPU = 0.0
        var peakRssKb = 0
        var stopped = false
        /// Open usage windows (one per run using the model), by id.
        var windows: [Int: UsageWindow] = [:]
        var nextWindow = 0
    }

    /// A run's view of the child's usage: the counts when it began and the peak RSS sampled since.
    struct UsageWindow {
        var startedNanos: UInt64
        var cpuBase: Double
        var restartsBase: Int
        var peakRssKb: Int
    }

    static let defaultFirstBackoff: UInt64 = 100_000_000
    static let maxBackoff: UInt64 = 5_000_000_000

    let settings: ProcessModelSettings
    let timeoutNanos: UInt64
    /// The first wait before a restart (doubling per failed start); again after a child has lived 5 s.
    let firstBackoff: UInt64
    let state = Mutex(State())
    /// Serializes writes to the child's stdin.
    let writeLock = Mutex(())

    /// Starts the first child (failing if it cannot be run) and the monitor thread.
    init(settings: ProcessModelSettings, timeoutNanos: UInt64,
         firstBackoff: UInt64 = ProcessSupervisor.defaultFirstBackoff) throws {
        signal(SIGPIPE, SIG_IGN)
        self.settings = settings
        self.timeoutNanos = timeoutNanos
        self.firstBackoff = firstBackoff
        let child = try ProcessChild.spawn(settings)
        state.withLock {
            $0.child = child
            $0.generation = 1
            $0.backoff = firstBackoff
        }
        startReader(child, generation: 1)
        DetachedThread.start { [self] in monitor() }
    }

    /// The running child, starting a new one when it is down and its backoff has passed; nil while down.
    func liveChild() -> (ProcessChild, Int)? {
        state.withLock { s -> (ProcessChild, Int)? in
            if let child = s.child { return (child, s.generation) }
            let now = MonotonicClock.nanos()
            guard !s.stopped, now >= s.downUntil else { return nil }
            do {
                let child = try ProcessChild.spawn(settings)
                s.child = child
                s.generation += 1
                s.restarts += 1
                startReader(child, generation: s.generation)
                return (child, s.generation)
            } catch {
                s.downUntil = now + s.backoff
                s.backoff = min(s.backoff * 2, Self.maxBackoff)
                return nil
            }
        }
    }

    /// Takes one pipelining slot, waiting while `maxInFlight` requests are outstanding.
    func acquireSlot() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { s -> Bool in
                if s.inFlight < settings.maxInFlight {
                    s.inFlight += 1
                    return true
                }
                s.slotWaiters.append(c)
                return false
            }
            if granted { c.resume() }
        }
    }

    /// A slot without waiting, or false when all are taken.
    func tryAcquireSlot() -> Bool {
        state.withLock { s in
            guard s.inFlight < settings.maxInFlight else { return false }
            s.inFlight += 1
            return true
        }
    }

    /// Completes pending records (already removed from `pending`) and hands their slots on.
    func finish(_ done: [Pending], error: ModelErrorCode) {
        let now = MonotonicClock.nanos()
        for p in done { p.batch.complete(p.index, error: error, latencyNanos: now &- p.start) }
        releaseSlots(done.count)
    }

    func releaseSlots(_ count: Int) {
        guard count > 0 else { return }
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            let handed = min(count, s.slotWaiters.count)
            let woken = Array(s.slotWaiters.prefix(handed))
            s.slotWaiters.removeFirst(handed)
            s.inFlight -= count - handed
            return woken
        }
        for w in waiters { w.resume() }
    }

    /// Stops the child (SIGTERM) and the monitor; pending records fail as the child exits.
    func shutdown() {
        let child = state.withLock { s -> ProcessChild? in
            s.stopped = true
            return s.child
        }
        if let child { kill(child.pid, SIGTERM) }
    }

    /// Restarts, CPU seconds of every instance so far, and the peak RSS seen (sampling the live child now).
    func summary() -> ProcessSummary {
        sample()
        return state.withLock {
            ProcessSummary(restarts: $0.restarts, cpuSeconds: $0.finishedCPU + $0.liveCPU, peakRssKb: $0.peakRssKb)
        }
    }

    /// Opens a usage window for a run beginning now; returns its id for `closeWindow`.
    func openWindow() -> Int {
        let pid = state.withLock { $0.child?.pid }
        sample()
        let rss = pid.flatMap { ProcessUsage.rssKb($0, peak: false) } ?? 0
        return state.withLock { s in
            s.nextWindow += 1
            s.windows[s.nextWindow] = UsageWindow(startedNanos: MonotonicClock.nanos(),
                                                  cpuBase: s.finishedCPU + s.liveCPU, restartsBase: s.restarts,
                                                  peakRssKb: rss)
            return s.nextWindow
        }
    }

    /// Closes window `id`: restarts and CPU seconds since it opened, and the peak RSS sampled meanwhile (every
    /// 500 ms and now). Nil for an unknown id.
    func closeWindow(_ id: Int) -> ProcessSummary? {
        sample()
        return state.withLock { s in
            guard let w = s.windows.removeValue(forKey: id) else { return nil }
            return ProcessSummary(restarts: s.restarts - w.restartsBase,
                                  cpuSeconds: max(0, s.finishedCPU + s.liveCPU - w.cpuBase), peakRssKb: w.peakRssKb)
        }
    }

    /// Reads the live child's CPU time and RSS; the RSS raises the peak of the model and of every open window
    /// (the kernel's own peak, VmHWM, only for windows opened before the child started: it covers its whole life).
    func sample() {
        guard let (pid, started) = state.withLock({ s in s.child.map { ($0.pid, $0.startedNanos) } }) else { return }
        let cpu = ProcessUsage.cpuSeconds(pid)
        let rss = ProcessUsage.rssKb(pid, peak: false)
        let hwm = ProcessUsage.rssKb(pid, peak: true)
        state.withLock { s in
            guard s.child?.pid == pid else { return }
            if let cpu { s.liveCPU = cpu }
            if let top = hwm ?? rss { s.peakRssKb = max(s.peakRssKb, top) }
            for (id, w) in s.windows {
                let seen = w.startedNanos <= started ? (hwm ?? rss) : rss
                if let seen { s.windows[id]!.peakRssKb = max(w.peakRssKb, seen) }
            }
        }
    }

    /// Expires requests past their timeout every 10 ms and samples /proc every 500 ms, until shut down.
    func monitor() {
        var lastSample: UInt64 = 0
        while !state.withLock({ $0.stopped }) {
            usleep(10_000)
            let now = MonotonicClock.nanos()
            let expired = state.withLock { s -> [Pending] in
                let ids = s.pending.compactMap { id, p in now &- p.start >= timeoutNanos ? id : nil }
                return ids.map { s.pending.removeValue(forKey: $0)! }
            }
            finish(expired, error: .timeout)
            if now &- lastSample >= 500_000_000 {
                lastSample = now
                sample()
            }
        }
    }
}
