import ShadowCore

/// An XGBoost gbtree model evaluated the way xgboost does: float32 features, thresholds and sums.
public struct XGBoostModel: EmbeddedModel {
    /// How margins become outputs.
    enum Link: Sendable, Equatable { case identity, sigmoid, softmax }

    /// The model's inputs, in file order.
    public let featureNames: [String]
    /// What the model predicts.
    public let task: ModelTask
    let link: Link
    /// Every tree's nodes, flattened breadth-first so siblings are adjacent.
    let nodes: [XGBoostNode]
    /// The root node of each tree, in boosting order.
    let roots: [Int32]
    /// The output group (class) each tree adds to.
    let groups: [Int32]
    /// Each tree's depth (edges from the root to its deepest leaf).
    let depths: [Int32]
    /// Starting margin of each output group.
    let baseMargins: [Float]
    /// Row slot of each feature.
    let slots: [Int]
    /// The trees laid out for sixteen rows at a time, where the CPU and the trees' depths allow (see `XGBoostForest`).
    var forest: XGBoostForest? = nil

    /// Number of trees.
    public var treeCount: Int { roots.count }

    /// A copy that reads feature i from row[slots[i]].
    public func bound(toSlots slots: [Int]) -> XGBoostModel {
        precondition(slots.count == featureNames.count, "one slot per feature")
        return XGBoostModel(featureNames: featureNames, task: task, link: link, nodes: nodes, roots: roots,
                            groups: groups, depths: depths, baseMargins: baseMargins, slots: slots, forest: forest)
    }

    /// A copy that evaluates blocks of rows without the vector kernel (the walk every CPU runs); for comparisons.
    public var withoutVectorKernel: XGBoostModel {
        var copy = self
        copy.forest = nil
        return copy
    }

    /// Whether blocks of rows go through the vector kernel.
    public var usesVectorKernel: Bool { forest != nil }

    /// Whether this CPU runs the vector kernel (AVX-512F); models with trees up to depth 8 then use it.
    public static var vectorKernelAvailable: Bool { XGBoostForest.available }

    /// Writes the outputs for one row; nil on success.
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
                    groups.withUnsafeBufferPointer { groups in
                        depths.withUnsafeBufferPointer { depths in
                            Self.accumulate(nodes, roots, groups, depths, features, into: margins)
                        }
                    }
                }
            }
            emit(margins, into: out)
        }
        return nil
    }

    /// Adds every tree's leaf to its group's margin, in tree order (so float sums round as xgboost's do).
    /// Trees are walked four at a time: four independent chains of loads keep the core busy.
    @inline(__always)
    static func accumulate(_ nodes: UnsafeBufferPointer<XGBoostNode>, _ roots: UnsafeBufferPointer<Int32>,
                           _ groups: UnsafeBufferPointer<Int32>, _ depths: UnsafeBufferPointer<Int32>,
                           _ features: UnsafeMutableBufferPointer<Float>, into margins: UnsafeMutableBufferPointer<Float>) {
        let single = margins.count == 1
        let features = features.baseAddress!
        var sum = margins[0]
        var t = 0
        while t + 4 <= roots.count {
            var (a, b, c, d) = (Int(roots[t]), Int(roots[t + 1]), Int(roots[t + 2]), Int(roots[t + 3]))
            let steps = max(max(depths[t], depths[t + 1]), max(depths[t + 2], depths[t + 3]))
            for _ in 0..<steps {
                a = step(nodes, a, features)
                b = step(nodes, b, features)
                c = step(nodes, c, features)
                d = step(nodes, d, features)
            }
            if single {
                sum += nodes[a].value
                sum += nodes[b].value
                sum += nodes[c].value
                sum += nodes[d].value
            } else {
                margins[Int(groups[t])] += nodes[a].value
                margins[Int(groups[t + 1])] += nodes[b].value
                margins[Int(groups[t + 2])] += nodes[c].value
                margins[Int(groups[t + 3])] += nodes[d].value
            }
            t += 4
        }
        while t < roots.count {
            var a = Int(roots[t])
            for _ in 0..<depths[t] { a = step(nodes, a, features) }
            if single { sum += nodes[a].value } else { margins[Int(groups[t])] += nodes[a].value }
            t += 1
        }
        if single { margins[0] = sum }
    }
}
