import ShadowCore

/// Per feature value bucket: sampled records, and each shadow's disagreements and label flips, since the last drain.
///
/// The first `warmupRecords` records of a run are held back until the schemes are known (numeric edges come from
/// them), then counted like the rest. Counts live in flat arrays (`stride` buckets per feature) and numeric buckets
/// are found by a branch-free count of the edges at or below the value: every disagreement is counted, so this runs
/// for most records of a busy run.
struct FeatureBucketCounter: Sendable {
    /// One disagreement of a record: the shadow's index in `shadows` and whether it was a label flip.
    struct Hit: Sendable {
        var shadow: Int
        var flip: Bool
    }

    private struct Held: Sendable {
        var values: [Double]
        var strings: [Int: String]?
        var sampled: Bool
        var hits: [Hit]
    }

    let names: [String]
    let settings: TimelineSettings
    /// Buckets per feature in the flat arrays: enough for every numeric and categorical scheme.
    let stride: Int
    private let edgeSlots: Int
    private(set) var schemes: [FeatureScheme]?
    private(set) var shadows: [String] = []
    private var shadowIndex: [String: Int] = [:]
    private var held: [Held] = []
    /// Per feature: `edgeSlots` edges padded with +inf (numeric; all +inf for categorical ones, see `isNumeric`):
    /// the bucket is 1 + the number of edges at or below the value, counted without branches.
    private var edges: [Double] = []
    private var isNumeric: [Bool] = []
    private var sampled: [Int] = []
    private var disagreements: [Int] = []
    private var flips: [Int] = []
    private var buckets: [Int] = []

    init(names: [String], settings: TimelineSettings, schemes: [FeatureScheme]? = nil) {
        self.names = Array(names.prefix(settings.maxFeatures))
        self.settings = settings
        edgeSlots = min(16, max(1, settings.quantiles - 1))
        stride = max(edgeSlots + 2, settings.maxCategories + 2)
        if let schemes, schemes.count == self.names.count { adopt(schemes) }
    }

    /// The index of a shadow, registering it on first sight.
    mutating func shadow(_ name: String) -> Int {
        if let index = shadowIndex[name] { return index }
        shadowIndex[name] = shadows.count
        shadows.append(name)
        disagreements += [Int](repeating: 0, count: names.count * stride)
        flips += [Int](repeating: 0, count: names.count * stride)
        return shadows.count - 1
    }

    /// Counts one record: in its buckets when `sampled`, and once per hit.
    @inline(__always)
    mutating func add(_ values: [Double], strings: [Int: String]?, sampled isSampled: Bool, hits: [Hit]) {
        guard !names.isEmpty, isSampled || !hits.isEmpty else { return }
        guard schemes != nil else {
            held.append(Held(values: values, strings: strings, sampled: isSampled, hits: hits))
            if held.count >= settings.warmupRecords { settle() }
            return
        }
        let count = min(names.count, values.count)
        let slots = edgeSlots, stride = self.stride
        var categorical = false
        buckets.withUnsafeMutableBufferPointer { out in
            edges.withUnsafeBufferPointer { e in
                isNumeric.withUnsafeBufferPointer { numeric in
                    values.withUnsafeBufferPointer { v in
                        for f in 0..<count {
                            guard numeric[f] else { categorical = true; continue }
                            let x = v[f]
                            let row = e.baseAddress! + f &* slots
                            var b = 1
                            for k in 0..<slots { b &+= Int(unsafeBitCast(row[k] <= x, to: UInt8.self)) }
                            out[f] = f &* stride &+ (x.isNaN ? 0 : b)
                        }
                    }
                }
            }
        }
        if categorical || count < names.count {
            for f in 0..<names.count where f >= count || !isNumeric[f] {
                let b = schemes![f].bucket(f < count ? values[f] : .nan, string: strings?[f])
                buckets[f] = f * stride + min(b, stride - 1)
            }
        }
        let size = names.count * stride
        buckets.withUnsafeBufferPointer { b in
            if isSampled { sampled.withUnsafeMutableBufferPointer { s in for f in b.indices { s[b[f]] &+= 1 } } }
            guard !hits.isEmpty else { return }
            disagreements.withUnsafeMutableBufferPointer { d in
                flips.withUnsafeMutableBufferPointer { l in
                    for hit in hits {
                        let base = hit.shadow &* size
                        for f in b.indices { d[base &+ b[f]] &+= 1 }
                        if hit.flip { for f in b.indices { l[base &+ b[f]] &+= 1 } }
                    }
                }
            }
        }
    }

    /// Builds the schemes from the records held so far (if any) and counts them.
    mutating func settle() {
        guard schemes == nil, !held.isEmpty else { return }
        adopt(names.indices.map { f in
            FeatureScheme.from(values: held.map { f < $0.values.count ? $0.values[f] : .nan },
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
        let size = names.count * stride
        for s in shadows.indices {
            for f in names.indices {
                let scheme = schemes[f]
                for b in 0..<min(scheme.count, stride) {
                    let i = f * stride + b
                    rows.append(TimelineRows.Bucket(
                        shadow: shadows[s], feature: names[f], bucket: scheme.labels[b], position: b,
                        lower: scheme.lower[b], upper: scheme.upper[b], sampled: sampled[i],
                        disagreements: disagreements[s * size + i], labelFlips: flips[s * size + i]))
                }
            }
        }
        for i in sampled.indices { sampled[i] = 0 }
        for i in disagreements.indices {
            disagreements[i] = 0
            flips[i] = 0
        }
        return rows
    }

    private mutating func adopt(_ schemes: [FeatureScheme]) {
        self.schemes = schemes
        edges = []
        isNumeric = []
        for scheme in schemes {
            isNumeric.append(scheme.kind == .numeric)
            let own = scheme.edges.prefix(edgeSlots)
            edges += own + [Double](repeating: .infinity, count: edgeSlots - own.count)
        }
        sampled = [Int](repeating: 0, count: schemes.count * stride)
        buckets = [Int](repeating: 0, count: schemes.count)
    }
}
