/// A mergeable summary of one numeric feature over a window: count, moments, range, fixed-bin counts and a
/// bounded sample for KS and Wasserstein. Merging summaries of disjoint windows gives the summary of their union
/// (counts and moments exactly; the sample exactly while the union fits in the sample's capacity).
public struct NumericSummary: Sendable, Hashable, Codable {
    /// Values added (NaN excluded).
    public private(set) var count = 0
    /// NaN (missing) values seen.
    public private(set) var missing = 0
    /// Running mean.
    public private(set) var mean = 0.0
    /// Sum of squared deviations from the mean (Welford / Chan).
    public private(set) var m2 = 0.0
    /// Smallest and largest value (±∞ when empty).
    public private(set) var minimum = Double.infinity, maximum = -Double.infinity
    /// Fixed bins shared with the reference, when set.
    public let bins: HistogramBins?
    /// Count per fixed bin.
    public private(set) var binCounts: [Int]
    /// Values in no fixed bin (outside equal-width edges).
    public private(set) var outsideBins = 0
    /// A bounded uniform sample of the values.
    public private(set) var sample: ReservoirSample

    /// An empty summary counting into `bins` and keeping at most `sampleCapacity` values.
    public init(bins: HistogramBins? = nil, sampleCapacity: Int = 10_000, seed: UInt64 = 0x5eed) {
        self.bins = bins
        self.binCounts = [Int](repeating: 0, count: bins?.count ?? 0)
        self.sample = ReservoirSample(capacity: sampleCapacity, seed: seed)
    }

    /// Population standard deviation (ddof 0).
    public var standardDeviation: Double { count > 0 ? (m2 / Double(count)).squareRoot() : .nan }

    /// Adds one value; NaN counts as missing.
    public mutating func add(_ x: Double) {
        if x.isNaN {
            missing += 1
            return
        }
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        m2 += delta * (x - mean)
        if x < minimum { minimum = x }
        if x > maximum { maximum = x }
        if let bins {
            if let i = bins.bin(of: x) { binCounts[i] += 1 } else { outsideBins += 1 }
        }
        sample.add(x)
    }

    /// Adds a disjoint window's summary into this one (both must use the same bins).
    public mutating func merge(_ other: NumericSummary) {
        precondition(bins == other.bins, "summaries with different bins cannot merge")
        missing += other.missing
        guard other.count > 0 else { return }
        if count == 0 {
            count = other.count; mean = other.mean; m2 = other.m2
        } else {
            let n = Double(count + other.count)
            let delta = other.mean - mean
            m2 += other.m2 + delta * delta * Double(count) * Double(other.count) / n
            mean += delta * Double(other.count) / n
            count += other.count
        }
        minimum = min(minimum, other.minimum)
        maximum = max(maximum, other.maximum)
        for i in binCounts.indices { binCounts[i] += other.binCounts[i] }
        outsideBins += other.outsideBins
        sample.merge(other.sample)
    }

    /// Bin shares (count / values), the input of a PSI or JS against the reference's shares.
    public var binShares: [Double] {
        count > 0 ? binCounts.map { Double($0) / Double(count) } : binCounts.map { _ in 0 }
    }
}
