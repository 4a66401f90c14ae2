import ShadowCore

/// A LightGBM model evaluated the way LightGBM's own predictor does: double values, `x <= threshold` goes left.
public struct LightGBMModel: EmbeddedModel {
    /// How summed raw scores become outputs.
    enum Link: Sendable, Equatable {
        case identity
        case sigmoid(scale: Double)
        case softmax
    }

    /// The model's inputs, in file order.
    public let featureNames: [String]
    /// What the model predicts.
    public let task: ModelTask
    let link: Link
    /// Every tree's nodes, flattened breadth-first so siblings are adjacent.
    let nodes: [LightGBMNode]
    /// The root node of each tree, in file order; tree t adds to output t % width.
    let roots: [Int32]
    /// Category bitsets of all categorical splits.
    let categoryBits: [UInt32]
    /// Row slot of each feature.
    let slots: [Int]

    /// LightGBM's `kZeroThreshold` (a float constant compared in double).
    static let zeroThreshold = Double(Float(1e-35))

    /// Number of trees.
    public var treeCount: Int { roots.count }

    /// A copy that reads feature i from row[slots[i]].
    public func bound(toSlots slots: [Int]) -> LightGBMModel {
        precondition(slots.count == featureNames.count, "one slot per feature")
        return LightGBMModel(featureNames: featureNames, task: task, link: link, nodes: nodes, roots: roots,
                             categoryBits: categoryBits, slots: slots)
    }

    /// Writes the outputs for one row; nil on success.
    public func predict(_ row: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>)
        -> ModelErrorCode?
    {
        let width = task.outputWidth
        withUnsafeTemporaryAllocation(of: Double.self, capacity: slots.count + width) { scratch in
            let features = UnsafeMutableBufferPointer(rebasing: scratch[0..<slots.count])
            let scores = UnsafeMutableBufferPointer(rebasing: scratch[slots.count...])
            slots.withUnsafeBufferPointer { slots in
                for i in slots.indices {
                    // The Python and C APIs pass values within ±kZeroThreshold as exact zeros.
                    let x = row[slots[i]]
                    features[i] = abs(x) <= Self.zeroThreshold ? 0 : x
                }
            }
            for k in 0..<width { scores[k] = 0 }
            nodes.withUnsafeBufferPointer { nodes in
                categoryBits.withUnsafeBufferPointer { bits in
                    var group = 0
                    for root in roots {
                        scores[group] += Self.leaf(nodes, bits, root: root, features)
                        group = group + 1 == width ? 0 : group + 1
                    }
                }
            }
            switch link {
            case .identity: out[0] = scores[0]
            case .sigmoid(let scale): out[0] = OutputMath.sigmoid(scores[0], scale: scale)
            case .softmax:
                OutputMath.softmax(scores)
                for k in 0..<width { out[k] = scores[k] }
            }
        }
        return nil
    }

    /// Walks one tree to its leaf value (LightGBM `Tree::GetLeaf` with `Decision`).
    @inline(__always)
    static func leaf(_ nodes: UnsafeBufferPointer<LightGBMNode>, _ bits: UnsafeBufferPointer<UInt32>, root: Int32,
                     _ features: UnsafeMutableBufferPointer<Double>) -> Double {
        var index = Int(root)
        while true {
            let node = nodes[index]
            if node.left < 0 { return node.value }
            let x = features[Int(node.feature)]
            let left = node.decision & LightGBMNode.categoricalBit != 0
                ? categoryGoesLeft(x, node, bits) : numberGoesLeft(x, node)
            index = Int(node.left) &+ (left ? 0 : 1)
        }
    }

    /// LightGBM `NumericalDecision`: NaN counts as zero unless the missing type is NaN; missing goes the
    /// default way; otherwise `x <= threshold` goes left.
    @inline(__always)
    static func numberGoesLeft(_ value: Double, _ node: LightGBMNode) -> Bool {
        let missing = (node.decision >> 2) & 3
        var x = value
        if x.isNaN && missing != LightGBMNode.missingNaN { x = 0 }
        if (missing == LightGBMNode.missingZero && x >= -zeroThreshold && x <= zeroThreshold)
            || (missing == LightGBMNode.missingNaN && x.isNaN)
        {
            return node.decision & LightGBMNode.defaultLeftBit != 0
        }
        return x <= node.value
    }

    /// LightGBM `CategoricalDecision`: the value truncated to an int (x86 semantics: NaN and out-of-range
    /// values become INT_MIN); negative categories and categories outside the bitset go right.
    @inline(__always)
    static func categoryGoesLeft(_ x: Double, _ node: LightGBMNode, _ bits: UnsafeBufferPointer<UInt32>) -> Bool {
        guard x > -2_147_483_649 && x < 2_147_483_648 else { return false }
        let category = Int32(x.rounded(.towardZero))
        if category < 0 { return false }
        let word = Int(category >> 5)
        guard word < Int(node.categoryWords) else { return false }
        return (bits[Int(node.categoryStart) + word] >> UInt32(category & 31)) & 1 != 0
    }
}
