extension ADWIN {
    /// Pushes the pending samples through the bucket rows, as River's insert-then-compress would have one by one.
    ///
    /// A row is a queue: River merges its two oldest buckets into one of the next row whenever it reaches
    /// maxBuckets + 1. Appending a batch and then merging from the front while the row holds maxBuckets + 1 or more
    /// merges the same pairs in the same order and leaves the same buckets, and the merged buckets reach the next
    /// row in River's order, so each row is done in one pass (two scratch queues after the rows in `cells`).
    mutating func flush() {
        let count = pendingCount
        guard count > 0 else { return }
        pendingCount = 0
        let slots = maxBuckets + 1, rowStride = self.rowStride
        var a = Self.maxRows * rowStride
        var b = a + 2 * (maxBuckets + Self.pendingCapacity)
        var rows = rowCount, dirty = dirtyRows
        cells.withUnsafeMutableBufferPointer { c in
            let p = c.baseAddress!
            // Row 0's queue: its buckets, then the pending samples (variance 0, as River inserts them).
            var n = Int(rowCounts[0])
            for i in 0..<n { Self.storePair(p, a &+ 2 &* i, Self.loadPair(p, 2 &* i)) }
            withUnsafeBytes(of: &pending) { samples in
                for i in 0..<count {
                    let x = samples.load(fromByteOffset: i &* MemoryLayout<Double>.stride, as: Double.self)
                    Self.storePair(p, a &+ 2 &* (n &+ i), SIMD2(x, 0))
                }
            }
            n &+= count
            var row = 0
            while true {
                dirty |= 1 << UInt64(row)
                let merges = n >= slots ? (n &- slots) / 2 &+ 1 : 0
                let base = row &* rowStride
                var next = 0
                if merges > 0 {
                    if row &+ 1 == rows { rows &+= 1 }
                    next = Int(rowCounts[row &+ 1])
                    for i in 0..<next { Self.storePair(p, b &+ 2 &* i, Self.loadPair(p, base &+ rowStride &+ 2 &* i)) }
                    // River's merge: 2^row scaling is exact, so multiplying by 2^−row gives its division's bits.
                    let inverse = Double(bitPattern: UInt64(1023 &- row) << 52)
                    let size = Double(bitPattern: UInt64(1023 &+ row) << 52)
                    for j in 0..<merges {
                        let x = Self.loadPair(p, a &+ 4 &* j), y = Self.loadPair(p, a &+ 4 &* j &+ 2)
                        let mu1 = x.x * inverse, mu2 = y.x * inverse
                        let temp = size * 0.5 * (mu1 - mu2) * (mu1 - mu2)
                        Self.storePair(p, b &+ 2 &* (next &+ j), SIMD2(x.x + y.x, x.y + y.y + temp))
                    }
                }
                let remaining = n &- 2 &* merges
                for i in 0..<remaining {
                    Self.storePair(p, base &+ 2 &* i, Self.loadPair(p, a &+ 2 &* (2 &* merges &+ i)))
                }
                rowCounts[row] = Int32(remaining)
                if merges == 0 { break }
                n = next &+ merges
                swap(&a, &b)
                row &+= 1
            }
        }
        rowCount = rows
        dirtyRows = dirty
    }

    @inline(__always)
    static func storePair(_ p: UnsafeMutablePointer<Double>, _ i: Int, _ v: SIMD2<Double>) {
        UnsafeMutableRawPointer(p + i).storeBytes(of: v, as: SIMD2<Double>.self)
    }

    @inline(__always)
    static func loadPair(_ p: UnsafeMutablePointer<Double>, _ i: Int) -> SIMD2<Double> {
        UnsafeMutableRawPointer(p + i).loadUnaligned(as: SIMD2<Double>.self)
    }

    /// A copy with no pending samples: the canonical state that is encoded and compared.
    var flushed: ADWIN {
        var copy = self
        copy.flush()
        return copy
    }
}
