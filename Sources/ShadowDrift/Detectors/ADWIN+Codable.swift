extension ADWIN {
    private enum CodingKeys: String, CodingKey {
        case delta, clock, maxBuckets, minWindowLength, gracePeriod, resetOnDrift
        case total, variance, width, tick, rowCounts, cells, driftPending, detections
    }

    /// Decodes a persisted detector; only the rows in use are stored.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(delta: try c.decode(Double.self, forKey: .delta), clock: try c.decode(Int.self, forKey: .clock),
                  maxBuckets: try c.decode(Int.self, forKey: .maxBuckets),
                  minWindowLength: try c.decode(Int.self, forKey: .minWindowLength),
                  gracePeriod: try c.decode(Int.self, forKey: .gracePeriod),
                  resetOnDrift: try c.decode(Bool.self, forKey: .resetOnDrift))
        total = try c.decode(Double.self, forKey: .total)
        variance = try c.decode(Double.self, forKey: .variance)
        width = try c.decode(Double.self, forKey: .width)
        tick = try c.decode(Int.self, forKey: .tick)
        driftPending = try c.decode(Bool.self, forKey: .driftPending)
        detections = try c.decode(Int.self, forKey: .detections)
        let counts = try c.decode([Int].self, forKey: .rowCounts)
        let stored = try c.decode([Double].self, forKey: .cells)
        let slots = maxBuckets + 1
        guard !counts.isEmpty, counts.count <= Self.maxRows, stored.count == counts.count * slots * 2,
              counts.allSatisfy({ (0...slots).contains($0) }) else {
            throw DecodingError.dataCorruptedError(forKey: .rowCounts, in: c,
                                                   debugDescription: "ADWIN rows do not match maxBuckets")
        }
        rowCount = counts.count
        for (i, n) in counts.enumerated() { rowCounts[i] = n }
        for (i, x) in stored.enumerated() { cells[i] = x }
    }

    /// Encodes the parameters and the rows in use.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(delta, forKey: .delta)
        try c.encode(clock, forKey: .clock)
        try c.encode(maxBuckets, forKey: .maxBuckets)
        try c.encode(minWindowLength, forKey: .minWindowLength)
        try c.encode(gracePeriod, forKey: .gracePeriod)
        try c.encode(resetOnDrift, forKey: .resetOnDrift)
        try c.encode(total, forKey: .total)
        try c.encode(variance, forKey: .variance)
        try c.encode(width, forKey: .width)
        try c.encode(tick, forKey: .tick)
        try c.encode(driftPending, forKey: .driftPending)
        try c.encode(detections, forKey: .detections)
        try c.encode(Array(rowCounts[0..<rowCount]), forKey: .rowCounts)
        try c.encode(Array(cells[0..<(rowCount * (maxBuckets + 1) * 2)]), forKey: .cells)
    }
}
