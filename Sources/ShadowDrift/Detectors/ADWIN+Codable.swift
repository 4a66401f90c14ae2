extension ADWIN {
    private enum CodingKeys: String, CodingKey {
        case delta, clock, maxBuckets, minWindowLength, gracePeriod, resetOnDrift
        case total, variance, width, untilCheck, rowCounts, cells, driftPending, detections
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
        windowMean = width > 0 ? total / width : 0
        untilCheck = try c.decode(Int.self, forKey: .untilCheck)
        guard (1...clock).contains(untilCheck) else {
            throw DecodingError.dataCorruptedError(forKey: .untilCheck, in: c, debugDescription: "untilCheck outside 1...clock")
        }
        driftPending = try c.decode(Bool.self, forKey: .driftPending)
        detections = try c.decode(Int.self, forKey: .detections)
        let counts = try c.decode([Int].self, forKey: .rowCounts)
        let stored = try c.decode([Double].self, forKey: .cells)
        let slots = maxBuckets + 1
        guard !counts.isEmpty, counts.count <= Self.maxRows, stored.count == counts.reduce(0, +) * 2,
              counts.allSatisfy({ (0...slots).contains($0) }) else {
            throw DecodingError.dataCorruptedError(forKey: .rowCounts, in: c,
                                                   debugDescription: "ADWIN rows do not match maxBuckets")
        }
        rowCount = counts.count
        for (i, n) in counts.enumerated() { rowCounts[i] = Int32(n) }
        var next = 0
        for (row, n) in counts.enumerated() {
            for k in 0..<(2 * n) { cells[row * rowStride + k] = stored[next + k] }
            next += 2 * n
        }
        // Σ|bucket total| is exactly what the screen's rounding margin needs (ADWIN+Screen.swift).
        sumAbs = Swift.stride(from: 0, to: stored.count, by: 2).reduce(0) { $0 + abs(stored[$1]) } * (1 + 1e-12)
    }

    /// Encodes the parameters and the rows in use.
    public func encode(to encoder: any Encoder) throws {
        try flushed.encodeFlushed(to: encoder)
    }

    private func encodeFlushed(to encoder: any Encoder) throws {
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
        try c.encode(untilCheck, forKey: .untilCheck)
        try c.encode(driftPending, forKey: .driftPending)
        try c.encode(detections, forKey: .detections)
        try c.encode((0..<rowCount).map { Int(rowCounts[$0]) }, forKey: .rowCounts)
        try c.encode(liveCells, forKey: .cells)
    }

    /// (total, variance) pairs of the buckets in use, row by row, oldest first (pending samples not included).
    var liveCells: [Double] {
        var out: [Double] = []
        for row in 0..<rowCount {
            out += cells[(row * rowStride)..<(row * rowStride + 2 * Int(rowCounts[row]))]
        }
        return out
    }
}

extension ADWIN: Hashable {
    /// Equal when parameters and the buckets in use are equal (slots past a row's end are ignored).
    public static func == (a: ADWIN, b: ADWIN) -> Bool {
        let a = a.flushed, b = b.flushed
        return a.delta == b.delta && a.clock == b.clock && a.maxBuckets == b.maxBuckets
            && a.minWindowLength == b.minWindowLength && a.gracePeriod == b.gracePeriod
            && a.resetOnDrift == b.resetOnDrift && a.total == b.total && a.variance == b.variance
            && a.width == b.width && a.untilCheck == b.untilCheck && a.driftPending == b.driftPending
            && a.detections == b.detections && a.rowCount == b.rowCount
            && (0..<a.rowCount).allSatisfy({ a.rowCounts[$0] == b.rowCounts[$0] }) && a.liveCells == b.liveCells
    }

    /// Hashes the canonical state.
    public func hash(into h: inout Hasher) {
        let s = flushed
        h.combine(s.width)
        h.combine(s.total)
        h.combine(s.untilCheck)
        h.combine(s.liveCells)
    }
}
