import ShadowCore

/// An XGBoost gbtree model evaluated the way xgboost does: float32 features, thresholds and sums.
public struct XGBoostModel: EmbeddedModel {
    /// How margins become outputs.
    enum Link: Sendable, Equatable { case identity, sigmoid, softmax }

    public let featureNames: [String]
    public let task: ModelTask
    let link: Link
    /// Every tree's nodes, flattened breadth-first so siblings are adjacent.
    let nodes: [XGBoostNode]
    /// The root node of each tree, in boosting order.
    let roots: [Int32]
    /// The output group (class) each tree adds to.
    let groups: [Int32]
    /// Starting margin of each output group.
    let baseMargins: [Float]
    /// Row slot of each feature.
    let slots: [Int]

    /// Number of trees.
    public var treeCount: Int { roots.count }

    public func bound(toSlots slots: [Int]) -> XGBoostModel {
        precondition(slots.count == featureNames.count, "one slot per feature")
        return XGBoostModel(featureNames: featureNames, task: task, link: link, nodes: nodes, roots: roots,
                            groups: groups, baseMargins: baseMargins, slots: slots)
    }

    public func predict(_ row: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>)
        -> ModelErrorCode?
    {
        let width = baseMargins.count
        withUnsafeTemporaryAllocation(of: Float.self, capacity: slots.count + width) { scratch in
            let features = UnsafeMutableBufferPointer(rebasing: scratch[0..<slots.count])
            let margins = UnsafeMutableBufferPointer(rebasing: scratch[slots.count...])
            slots.withUnsafeBufferPointer { slots in
                for i in slots.indices { features[i] = Float(row[slots[i]]) }
            }
            for k in 0..<width { margins[k] = baseMargins[k] }
            nodes.withUnsafeBufferPointer { nodes in
                roots.withUnsafeBufferPointer { roots in
                    if width == 1 {
                        var sum = margins[0]
                        for root in roots { sum += Self.leaf(nodes, root: root, features) }
                        margins[0] = sum
                    } else {
                        groups.withUnsafeBufferPointer { groups in
                            for t in roots.indices {
                                margins[Int(groups[t])] += Self.leaf(nodes, root: roots[t], features)
                            }
                        }
                    }
                }
            }
            switch link {
            case .identity: out[0] = Double(margins[0])
            case .sigmoid: out[0] = Double(OutputMath.sigmoid(margins[0]))
            case .softmax:
                OutputMath.softmax(margins)
                for k in 0..<width { out[k] = Double(margins[k]) }
            }
        }
        return nil
    }

    /// Walks one tree to its leaf value. A missing (NaN) feature takes the node's default direction.
    @inline(__always)
    static func leaf(_ nodes: UnsafeBufferPointer<XGBoostNode>, root: Int32,
                     _ features: UnsafeMutableBufferPointer<Float>) -> Float {
        var index = Int(root)
        while true {
            let node = nodes[index]
            if node.left < 0 { return node.value }
            let x = features[Int(node.featureBits & ~XGBoostNode.defaultLeftBit)]
            // For NaN both comparisons are false: default-left nodes go left, default-right nodes go right.
            let right = node.featureBits >= XGBoostNode.defaultLeftBit ? x >= node.value : !(x < node.value)
            index = Int(node.left) &+ (right ? 1 : 0)
        }
    }
}
