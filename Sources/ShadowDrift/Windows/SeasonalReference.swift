/// A calendar-aware reference: summaries per UTC hour of record time, so the current hour is compared with the
/// same hour one day (or one week) earlier and a daily rhythm does not read as drift. Keeps at most
/// `lag + 1` hours of summaries (a week and an hour at most), so memory is bounded.
public struct SeasonalReference: Sendable, Codable, Hashable {
    /// How far back the reference hour lies.
    public enum Lag: String, Sendable, Codable, Hashable {
        /// 24 hours earlier.
        case day
        /// 168 hours earlier.
        case week

        /// The lag in hours.
        public var hours: Int64 { self == .day ? 24 : 168 }
    }

    /// The lag used.
    public let lag: Lag
    /// Bins shared by every hour (from the first-N or profile reference), so hours compare bin by bin.
    public let bins: HistogramBins?
    /// Sample capacity per hour.
    public let sampleCapacity: Int
    private var hours: [Int64: NumericSummary] = [:]

    /// An empty seasonal reference.
    public init(lag: Lag = .day, bins: HistogramBins? = nil, sampleCapacity: Int = 5_000) {
        self.lag = lag
        self.bins = bins
        self.sampleCapacity = sampleCapacity
    }

    /// The hour index (hours since the Unix epoch, UTC) of a record time in epoch milliseconds.
    public static func hour(ofMs t: Double) -> Int64 { Int64((t / 3_600_000).rounded(.down)) }

    /// Adds a value at its record time; hours older than the lag allows are dropped.
    public mutating func add(_ x: Double, atMs t: Double) {
        let h = Self.hour(ofMs: t)
        hours[h, default: NumericSummary(bins: bins, sampleCapacity: sampleCapacity, seed: UInt64(bitPattern: h))].add(x)
        for key in hours.keys where key < h - lag.hours { hours[key] = nil }
    }

    /// The summary of the hour holding `t`.
    public func current(atMs t: Double) -> NumericSummary? { hours[Self.hour(ofMs: t)] }

    /// The reference for the hour holding `t`: the same hour one lag earlier, if it was seen.
    public func reference(atMs t: Double) -> NumericSummary? { hours[Self.hour(ofMs: t) - lag.hours] }
}
