import ShadowCore

/// Per feature value bucket: sampled records, and each shadow's disagreements and label flips, since the last flush.
///
/// The first `warmupRecords` records of a run are held back until the schemes are known (numeric edges come from
/// them), then counted like the rest.
struct FeatureBucketCounter: Sendable {
    /// One disagreement of a record: the shadow's index in `shadows` and whether it was a label flip.
    struct Hit: Sendable {
        var shadow: Int
        var flip: Bool
    }

    private struct Held: Sendable {
        var values: ArraySlice<Double>
        var strings: [Int: String]?
        var sampled: Bool
        var hits: [Hit]
    }

    let names: [String]
    let settings: TimelineSettings
    private(set) var schemes: [FeatureScheme]?
    private(set) var shadows: [String] = []
    private var shadowIndex: [String: Int] = [:]
    private var held: [Held] = []
    private var sampled: [[Int]] = []
    private var disagreements: [[[Int]]] = []
    private var flips: [[[Int]]] = []
    private var buckets: [Int] = []

    init(names: [String], settings: TimelineSettings, schemes: [FeatureScheme]? = nil) {
        self.names = Array(names.prefix(settings.maxFeatures))
        self.settings = settings
        if let schemes, schemes.count == self.names.count { adopt(schemes) }
    }

    /// The index of a shadow, registering it on first sight.
    mutating func shadow(_ name: String) -> Int {
        if let index = shadowIndex[name] { return index }
        shadowIndex[name] = shadows.count
        shadows.append(name)
        disagreements.append(names.indices.map { _ in [] })
        flips.append(names.indices.map { _ in [] })
        if let schemes { for f in schemes.indices { grow(f, to: schemes[f].count) } }
        return shadows.count - 1
    }

    /// Counts one record: in its buckets when `sampled`, and once per hit.
    @inline(__always)
    mutating func add(_ values: ArraySlice<Double>, strings: [Int: String]?, sampled isSampled: Bool, hits: [Hit]) {
        guard !names.isEmpty, isSampled || !hits.isEmpty else { return }
        guard schemes != nil else {
            held.append(Held(values: values, strings: strings, sampled: isSampled, hits: hits))
            if held.count >= settings.warmupRecords { settle() }
            return
        }
        let base = values.startIndex
        for f in names.indices {
            let value = f < values.count ? values[base + f] : .nan
            let b = schemes![f].bucket(value, string: strings?[f])
            if b >= sampled[f].count { grow(f, to: schemes![f].count) }
            buckets[f] = b
        }
        if isSampled { for f in names.indices { sampled[f][buckets[f]] += 1 } }
        for hit in hits {
            for f in names.indices {
                disagreements[hit.shadow][f][buckets[f]] += 1
                if hit.flip { flips[hit.shadow][f][buckets[f]] += 1 }
            }
        }
    }

    /// Builds the schemes from the records held so far (if any) and counts them.
    mutating func settle() {
        guard schemes == nil, !held.isEmpty else { return }
        adopt(names.indices.map { f in
            FeatureScheme.from(values: held.map { f < $0.values.count ? $0.values[$0.values.startIndex + f] : .nan },
                               strings: held.compactMap { $0.strings?[f] }, settings: settings)
        })
        let records = held
        held = []
        for r in records { add(r.values, strings: r.strings, sampled: r.sampled, hits: r.hits) }
    }

    /// Every bucket of every shadow with its counts since the last call (zeros included, so the stored rows always
    /// describe the whole scheme), then starts counting afresh.
    mutating func drain() -> [TimelineRows.Bucket] {
        guard let schemes else { return [] }
        var rows: [TimelineRows.Bucket] = []
        for s in shadows.indices {
            for f in names.indices {
                grow(f, to: schemes[f].count)
                let scheme = schemes[f]
                for b in 0..<scheme.count {
                    rows.append(TimelineRows.Bucket(
                        shadow: shadows[s], feature: names[f], bucket: scheme.labels[b], position: b,
                        lower: scheme.lower[b], upper: scheme.upper[b], sampled: sampled[f][b],
                        disagreements: disagreements[s][f][b], labelFlips: flips[s][f][b]))
                }
            }
        }
        for f in names.indices {
            for b in sampled[f].indices { sampled[f][b] = 0 }
            for s in shadows.indices {
                for b in disagreements[s][f].indices {
                    disagreements[s][f][b] = 0
                    flips[s][f][b] = 0
                }
            }
        }
        return rows
    }

    private mutating func adopt(_ schemes: [FeatureScheme]) {
        self.schemes = schemes
        sampled = schemes.map { [Int](repeating: 0, count: $0.count) }
        buckets = [Int](repeating: 0, count: schemes.count)
        for f in schemes.indices { grow(f, to: schemes[f].count) }
    }

    private mutating func grow(_ f: Int, to count: Int) {
        if sampled[f].count < count { sampled[f] += [Int](repeating: 0, count: count - sampled[f].count) }
        for s in shadows.indices where disagreements[s][f].count < count {
            disagreements[s][f] += [Int](repeating: 0, count: count - disagreements[s][f].count)
            flips[s][f] += [Int](repeating: 0, count: count - flips[s][f].count)
        }
    }
}
