#if canImport(Glibc)
import Glibc
#endif
import ShadowCore

extension ProcessSupervisor {
    /// Reads `child`'s answer lines on a thread of its own until EOF, then reaps it and fails its pending records.
    /// A line longer than `max_line_bytes` (a child writing without newlines) is never buffered past the limit:
    /// the child's records in flight fail as `undecodable`, the child is killed, and the rest of its output is
    /// dropped until it is gone (then it is restarted with the usual backoff).
    func startReader(_ child: ProcessChild, generation: Int) {
        DetachedThread.start { [self] in
            let limit = settings.maxLineBytes
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            var line: [UInt8] = []
            var overlong = false
            while true {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(child.output, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                if overlong { continue }  // the child is being killed: drain until EOF
                var start = 0
                for i in 0..<n where buffer[i] == UInt8(ascii: "\n") {
                    if line.count + (i - start) > limit { break }
                    line.append(contentsOf: buffer[start..<i])
                    deliver(line)
                    line.removeAll(keepingCapacity: line.capacity <= 1 << 20)
                    start = i + 1
                }
                if line.count + (n - start) > limit {
                    overlong = true
                    line = []
                    answerTooLong(child, generation: generation)
                    continue
                }
                line.append(contentsOf: buffer[start..<n])
            }
            childExited(child, generation: generation)
        }
    }

    /// A child's answer line passed `max_line_bytes`: its records in flight fail as `undecodable` (their answers
    /// cannot be told apart any more) and the child is killed; the reader's EOF then schedules the restart.
    func answerTooLong(_ child: ProcessChild, generation: Int) {
        let failed = state.withLock { s -> [Pending] in
            let ids = s.pending.compactMap { id, p in p.generation == generation ? id : nil }
            return ids.map { s.pending.removeValue(forKey: $0)! }
        }
        finish(failed, error: .undecodable)
        kill(child.pid, SIGKILL)
    }

    /// Matches one answer line to its pending record by id; unknown ids (late answers after a timeout) are dropped.
    func deliver(_ line: [UInt8]) {
        guard let answer = ProcessLine.parseAnswer(line) else { return }
        let id: UInt64
        switch answer {
        case .output(let i, _), .error(let i, _): id = i
        }
        guard let p = state.withLock({ $0.pending.removeValue(forKey: id) }) else { return }
        let latency = MonotonicClock.nanos() &- p.start
        switch answer {
        case .output(_, let values): p.batch.complete(p.index, values: values, latencyNanos: latency)
        case .error: p.batch.complete(p.index, error: .failed, latencyNanos: latency)
        }
        releaseSlots(1)
    }

    /// Reaps the child, adds its CPU time and peak RSS, schedules the restart and fails its in-flight records.
    func childExited(_ child: ProcessChild, generation: Int) {
        kill(child.pid, SIGKILL)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child.pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        let now = MonotonicClock.nanos()
        let died = state.withLock { s -> [Pending] in
            s.finishedCPU += cpu
            s.peakRssKb = max(s.peakRssKb, Int(usage.ru_maxrss))
            // The child's lifetime peak belongs to the windows that were open for its whole life.
            for (id, w) in s.windows where w.startedNanos <= child.startedNanos {
                s.windows[id]!.peakRssKb = max(w.peakRssKb, Int(usage.ru_maxrss))
            }
            if s.child === child {
                s.child = nil
                s.liveCPU = 0
                if now &- child.startedNanos >= 5_000_000_000 { s.backoff = firstBackoff }
                s.downUntil = now + s.backoff
                s.backoff = min(s.backoff * 2, Self.maxBackoff)
            }
            let ids = s.pending.compactMap { id, p in p.generation == generation ? id : nil }
            return ids.map { s.pending.removeValue(forKey: $0)! }
        }
        finish(died, error: .processDied)
    }
}
