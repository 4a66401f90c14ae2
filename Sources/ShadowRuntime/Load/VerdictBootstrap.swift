/// The bootstrap behind `LatencyVerdict`: intervals are resampled with replacement, the same intervals for the
/// champion and the shadow (paired, so load that varies over the run affects both alike), and the percentile
/// ratio of the merged histograms is taken each time; the 2.5% and 97.5% quantiles bound the interval.
struct VerdictBootstrap {
    let resamples: Int
    let seed: UInt64

    /// Verdicts at `percentiles` for a champion and a shadow whose interval histograms are given; `points` are the
    /// whole-run ratios (from the full HDR histograms) reported as the estimate.
    func verdicts(shadow: String, champion: String, percentiles: [Double], points: [Double],
                  championIntervals: [[(bucket: Int, count: UInt32)]],
                  shadowIntervals: [[(bucket: Int, count: UInt32)]]) -> [LatencyVerdict] {
        let n = min(championIntervals.count, shadowIntervals.count)
        let usable = (0..<n).filter { !championIntervals[$0].isEmpty && !shadowIntervals[$0].isEmpty }
        var samples = [[Double]](repeating: [], count: percentiles.count)
        if usable.count >= 2 {
            let low = usable.map { min(championIntervals[$0][0].bucket, shadowIntervals[$0][0].bucket) }.min()!
            let high = usable.map { max(championIntervals[$0].last!.bucket, shadowIntervals[$0].last!.bucket) }.max()!
            var championDense = [UInt64](repeating: 0, count: high - low + 1)
            var shadowDense = championDense
            var rng = SplitMix64(seed: seed)
            for _ in 0..<resamples {
                for i in championDense.indices { championDense[i] = 0; shadowDense[i] = 0 }
                var championTotal: UInt64 = 0
                var shadowTotal: UInt64 = 0
                for _ in usable.indices {
                    let pick = usable[Int(rng.next() % UInt64(usable.count))]
                    for (bucket, count) in championIntervals[pick] {
                        championDense[bucket - low] += UInt64(count)
                        championTotal += UInt64(count)
                    }
                    for (bucket, count) in shadowIntervals[pick] {
                        shadowDense[bucket - low] += UInt64(count)
                        shadowTotal += UInt64(count)
                    }
                }
                let c = Self.percentiles(championDense, total: championTotal, offset: low, percentiles)
                let s = Self.percentiles(shadowDense, total: shadowTotal, offset: low, percentiles)
                for p in percentiles.indices where c[p] > 0 { samples[p].append(s[p] / c[p]) }
            }
        }
        return percentiles.indices.map { p in
            var sorted = samples[p]
            sorted.sort()
            let ci = sorted.count >= 2 ? (Self.quantile(sorted, 0.025), Self.quantile(sorted, 0.975)) : nil
            return LatencyVerdict(shadow: shadow, champion: champion, percentile: percentiles[p], ratio: points[p],
                                  low: ci?.0, high: ci?.1, intervals: usable.count)
        }
    }

    /// Values at each percentile of a dense bucket histogram (HdrHistogram's rank rule: the value at or below
    /// which `p`% of the counts fall).
    static func percentiles(_ dense: [UInt64], total: UInt64, offset: Int, _ ps: [Double]) -> [Double] {
        guard total > 0 else { return ps.map { _ in 0 } }
        let ranks = ps.map { max(1, UInt64((($0 / 100) * Double(total)).rounded(.up))) }
        var out = [Double](repeating: 0, count: ps.count)
        var next = 0
        var order = ps.indices.sorted { ranks[$0] < ranks[$1] }
        var seen: UInt64 = 0
        for (i, count) in dense.enumerated() where count > 0 {
            seen += count
            while next < order.count && ranks[order[next]] <= seen {
                out[order[next]] = LogBuckets.value(i + offset)
                next += 1
            }
            if next == order.count { break }
        }
        order.removeAll()
        return out
    }

    /// Linear-interpolated quantile of sorted values.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position)
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
