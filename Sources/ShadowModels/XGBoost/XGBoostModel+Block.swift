import ShadowCore

extension XGBoostModel {
    /// Rows evaluated together. A single-output model walks four rows through two trees at a time: eight independent
    /// chains of dependent loads (node, feature, next node), which the core overlaps instead of waiting on each in
    /// turn (1.5-2× the rows/s of one row through four trees at a time). Other models, and the last rows of a
    /// block, walk each tree for every row of the block in turn.
    static let blockRows = 16

    /// Predicts rows `0..<count` a block at a time, each tree walked for every row of the block; each row's margin
    /// still adds the trees in order, so the outputs are bit for bit those of `predict(_:into:)`.
    public func predict(rows count: Int, withRow: (Int, (UnsafeBufferPointer<Double>) -> Void) -> Void,
                        into out: UnsafeMutableBufferPointer<Double>, errors: UnsafeMutableBufferPointer<ModelErrorCode?>) {
        if let forest {
            predict(rows: count, withRow: withRow, into: out, errors: errors, forest: forest)
            return
        }
        let width = baseMargins.count
        let stride = slots.count
        let block = Self.blockRows
        withUnsafeTemporaryAllocation(of: Float.self, capacity: block * (stride + width)) { scratch in
            let features = scratch.baseAddress!
            let margins = features + block * stride
            var first = 0
            while first < count {
                let n = min(block, count - first)
                slots.withUnsafeBufferPointer { slots in
                    for r in 0..<n {
                        let row = features + r * stride
                        withRow(first + r) { values in
                            for i in 0..<stride { row[i] = Float(values[slots[i]]) }
                        }
                    }
                }
                for r in 0..<n {
                    for k in 0..<width { margins[r * width + k] = baseMargins[k] }
                }
                nodes.withUnsafeBufferPointer { nodes in
                    roots.withUnsafeBufferPointer { roots in
                        groups.withUnsafeBufferPointer { groups in
                            depths.withUnsafeBufferPointer { depths in
                                var r = 0
                                if width == 1 {
                                    while r + 4 <= n {
                                        Self.accumulateQuad(nodes, roots, groups, depths, features + r * stride, stride: stride,
                                                            into: margins + r)
                                        r += 4
                                    }
                                }
                                if r < n {
                                    Self.accumulate(nodes, roots, groups, depths, rows: n - r,
                                                    features: features + r * stride, stride: stride,
                                                    into: margins + r * width, width: width)
                                }
                            }
                        }
                    }
                }
                for r in 0..<n {
                    let o = first + r
                    errors[o] = nil
                    emit(UnsafeMutableBufferPointer(start: margins + r * width, count: width),
                         into: UnsafeMutableBufferPointer(rebasing: out[(o * width)..<((o + 1) * width)]))
                }
                first += n
            }
        }
    }

    /// `predict(rows:withRow:into:errors:)` through the vector kernel: sixteen rows at a time, features column by
    /// column (the lanes past the last row hold zeros and are not read back).
    private func predict(rows count: Int, withRow: (Int, (UnsafeBufferPointer<Double>) -> Void) -> Void,
                         into out: UnsafeMutableBufferPointer<Double>, errors: UnsafeMutableBufferPointer<ModelErrorCode?>,
                         forest: XGBoostForest) {
        let width = baseMargins.count
        let stride = slots.count
        let lanes = XGBoostForest.lanes
        withUnsafeTemporaryAllocation(of: Float.self, capacity: lanes * (stride + width) + width) { scratch in
            let columns = scratch.baseAddress!
            let margins = columns + lanes * stride
            let row = UnsafeMutableBufferPointer(start: margins + lanes * width, count: width)
            var first = 0
            while first < count {
                let n = min(lanes, count - first)
                slots.withUnsafeBufferPointer { slots in
                    for r in 0..<n {
                        withRow(first + r) { values in
                            for i in 0..<stride { columns[i &* lanes &+ r] = Float(values[slots[i]]) }
                        }
                    }
                }
                if n < lanes {
                    for i in 0..<stride { for r in n..<lanes { columns[i * lanes + r] = 0 } }
                }
                for k in 0..<width { for r in 0..<lanes { margins[k * lanes + r] = baseMargins[k] } }
                forest.accumulate(columns: columns, margins: margins)
                for r in 0..<n {
                    let o = first + r
                    errors[o] = nil
                    for k in 0..<width { row[k] = margins[k * lanes + r] }
                    emit(row, into: UnsafeMutableBufferPointer(rebasing: out[(o * width)..<((o + 1) * width)]))
                }
                first += n
            }
        }
    }

    /// Adds every tree's leaf (or those of `trees`) to each row's margin of the tree's group, trees in order, every
    /// row of the block taking one step per pass.
    @inline(__always)
    static func accumulate(_ nodes: UnsafeBufferPointer<XGBoostNode>, _ roots: UnsafeBufferPointer<Int32>,
                           _ groups: UnsafeBufferPointer<Int32>, _ depths: UnsafeBufferPointer<Int32>,
                           trees: Range<Int>? = nil, rows n: Int,
                           features: UnsafeMutablePointer<Float>, stride: Int,
                           into margins: UnsafeMutablePointer<Float>, width: Int) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { at in
            for t in trees ?? 0..<roots.count {
                let root = Int(roots[t])
                for r in 0..<n { at[r] = root }
                for _ in 0..<depths[t] {
                    for r in 0..<n { at[r] = step(nodes, at[r], features + r * stride) }
                }
                let g = Int(groups[t])
                for r in 0..<n { margins[r * width + g] += nodes[at[r]].value }
            }
        }
    }

    /// Four rows of a single-output model through every tree, two trees at a time: eight independent chains.
    @inline(__always)
    static func accumulateQuad(_ nodes: UnsafeBufferPointer<XGBoostNode>, _ roots: UnsafeBufferPointer<Int32>,
                               _ groups: UnsafeBufferPointer<Int32>, _ depths: UnsafeBufferPointer<Int32>, _ f: UnsafeMutablePointer<Float>, stride: Int,
                               into margins: UnsafeMutablePointer<Float>) {
        let (f0, f1, f2, f3) = (f, f + stride, f + 2 * stride, f + 3 * stride)
        var (s0, s1, s2, s3) = (margins[0], margins[1], margins[2], margins[3])
        var t = 0
        while t + 2 <= roots.count {
            var (a0, b0) = (Int(roots[t]), Int(roots[t + 1]))
            var (a1, b1, a2, b2, a3, b3) = (a0, b0, a0, b0, a0, b0)
            for _ in 0..<max(depths[t], depths[t + 1]) {
                a0 = step(nodes, a0, f0)
                a1 = step(nodes, a1, f1)
                a2 = step(nodes, a2, f2)
                a3 = step(nodes, a3, f3)
                b0 = step(nodes, b0, f0)
                b1 = step(nodes, b1, f1)
                b2 = step(nodes, b2, f2)
                b3 = step(nodes, b3, f3)
            }
            s0 += nodes[a0].value
            s0 += nodes[b0].value
            s1 += nodes[a1].value
            s1 += nodes[b1].value
            s2 += nodes[a2].value
            s2 += nodes[b2].value
            s3 += nodes[a3].value
            s3 += nodes[b3].value
            t += 2
        }
        (margins[0], margins[1], margins[2], margins[3]) = (s0, s1, s2, s3)
        if t < roots.count {
            accumulate(nodes, roots, groups, depths, trees: t..<roots.count, rows: 4, features: f, stride: stride,
                       into: margins, width: 1)
        }
    }

    /// One step down a tree for a row whose features start at `features`; a leaf stays where it is. A missing (NaN)
    /// feature takes the default direction.
    @inline(__always)
    static func step(_ nodes: UnsafeBufferPointer<XGBoostNode>, _ index: Int, _ features: UnsafeMutablePointer<Float>)
        -> Int {
        let node = nodes[index]
        // A leaf's feature bits are 0, so this read is in range and its result unused.
        let x = features[Int(node.featureBits & ~XGBoostNode.defaultLeftBit)]
        // For NaN both comparisons are false: default-left nodes go left, default-right nodes go right.
        let right = node.featureBits >= XGBoostNode.defaultLeftBit ? x >= node.value : !(x < node.value)
        return node.left < 0 ? index : Int(node.left) &+ (right ? 1 : 0)
    }

    /// Turns one row's margins into its outputs through the link.
    @inline(__always)
    func emit(_ margins: UnsafeMutableBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Double>) {
        switch link {
        case .identity: out[0] = Double(margins[0])
        case .sigmoid: out[0] = Double(OutputMath.sigmoid(margins[0]))
        case .softmax:
            OutputMath.softmax(margins)
            for k in margins.indices { out[k] = Double(margins[k]) }
        }
    }
}
