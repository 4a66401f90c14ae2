import ShadowCore

extension LightGBMModel {
    /// Loads a model from LightGBM text model bytes (`save_model`); `source` names the file in errors.
    public init(text bytes: [UInt8], source: String) throws {
        let file = try LightGBMText(bytes: bytes, source: source)
        let header = file.header
        if header.flags.contains("average_output") {
            throw file.error(.unsupported, header, "average_output", "random-forest averaging is not supported")
        }
        let names = try file.string(header, "feature_names").split(separator: " ").map(String.init)
        let maxFeature = try file.int(header, "max_feature_idx")
        guard names.count == maxFeature + 1 else {
            throw file.error(.invalidValue, header, "feature_names",
                             "\(names.count) names for max_feature_idx \(maxFeature)")
        }
        let classes = try file.int(header, "num_class")
        let perIteration = try file.int(header, "num_tree_per_iteration")
        let (task, link) = try Self.objective(file, classes: classes)
        guard perIteration == task.outputWidth else {
            throw file.error(.invalidValue, header, "num_tree_per_iteration",
                             "\(perIteration) trees per iteration for \(task.outputWidth) outputs")
        }
        guard !file.trees.isEmpty, file.trees.count % perIteration == 0 else {
            throw file.error(.invalidValue, header, "tree_sizes",
                             "\(file.trees.count) trees is not a positive multiple of \(perIteration)")
        }
        var nodes: [LightGBMNode] = []
        var roots: [Int32] = []
        var categoryBits: [UInt32] = []
        for tree in file.trees {
            roots.append(Int32(nodes.count))
            try Self.flatten(tree, in: file, featureCount: names.count, nodes: &nodes, categoryBits: &categoryBits)
            guard nodes.count < Int(Int32.max), categoryBits.count < Int(Int32.max) else {
                throw file.error(.unsupported, tree, "num_leaves", "model has too many nodes")
            }
        }
        self.init(featureNames: names, task: task, link: link, nodes: nodes, roots: roots,
                  categoryBits: categoryBits, slots: Array(names.indices))
    }

    /// The task and output link of the `objective=` line.
    static func objective(_ file: LightGBMText, classes: Int) throws -> (ModelTask, Link) {
        let text = try file.string(file.header, "objective")
        let words = text.split(separator: " ")
        let name = words.first.map(String.init) ?? ""
        func option(_ key: String) -> Substring? {
            words.first { $0.hasPrefix(key + ":") }.map { $0.dropFirst(key.count + 1) }
        }
        func unsupported() -> ModelLoadError {
            file.error(.unsupported, file.header, "objective", "objective \"\(text)\" is not supported")
        }
        switch name {
        case "binary":
            let scaleText = option("sigmoid") ?? "1"
            guard let scale = Double(scaleText), scale > 0 else {
                throw file.error(.invalidValue, file.header, "objective", "bad sigmoid scale \"\(scaleText)\"")
            }
            return (.binary, .sigmoid(scale: scale))
        case "regression", "regression_l1", "huber", "fair", "quantile", "mape":
            if words.contains("sqrt") { throw unsupported() }
            return (.regression, .identity)
        case "multiclass":
            guard classes >= 2 else {
                throw file.error(.invalidValue, file.header, "num_class", "expected >= 2 classes, got \(classes)")
            }
            return (.multiclass(classes: classes), .softmax)
        default:
            throw unsupported()
        }
    }

    /// Appends one `Tree=` block's nodes breadth-first (siblings adjacent) and its category bitsets.
    static func flatten(_ tree: LightGBMText.Section, in file: LightGBMText, featureCount: Int,
                        nodes: inout [LightGBMNode], categoryBits: inout [UInt32]) throws {
        let leaves = try file.int(tree, "num_leaves")
        guard leaves >= 1 else { throw file.error(.invalidValue, tree, "num_leaves", "expected at least 1 leaf") }
        if let linear = tree.values["is_linear"], linear.text != "0" {
            throw file.error(.unsupported, tree, "is_linear", "linear trees are not supported")
        }
        let leafValues = try file.list(tree, "leaf_value", count: leaves) { Double($0) }
        if leaves == 1 {
            nodes.append(LightGBMNode(leaf: leafValues[0]))
            return
        }
        let splits = leaves - 1
        let features = try file.list(tree, "split_feature", count: splits) { Int($0) }
        let thresholds = try file.list(tree, "threshold", count: splits) { Double($0) }
        let decisions = try file.list(tree, "decision_type", count: splits) { UInt8($0) }
        let lefts = try file.list(tree, "left_child", count: splits) { Int($0) }
        let rights = try file.list(tree, "right_child", count: splits) { Int($0) }
        let categories = try file.int(tree, "num_cat")
        var boundaries: [Int] = [0]
        var bitsets: [UInt32] = []
        if categories > 0 {
            boundaries = try file.list(tree, "cat_boundaries", count: categories + 1) { Int($0) }
            guard boundaries[0] == 0, zip(boundaries, boundaries.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw file.error(.invalidValue, tree, "cat_boundaries", "boundaries must start at 0 and not decrease")
            }
            bitsets = try file.list(tree, "cat_threshold", count: boundaries[categories]) { UInt32($0) }
        }
        // Node ids: internal node i is i, leaf j is ~j (LightGBM's own encoding). Breadth-first from the root.
        var order = [0]
        var seenNode = [Bool](repeating: false, count: splits)
        var seenLeaf = [Bool](repeating: false, count: leaves)
        seenNode[0] = true
        var position = 0
        while position < order.count {
            let id = order[position]
            position += 1
            if id < 0 { continue }
            for (key, child) in [("left_child", lefts[id]), ("right_child", rights[id])] {
                let fresh = child >= 0 ? (child < splits && !seenNode[child]) : (~child < leaves && !seenLeaf[~child])
                guard fresh else {
                    throw file.error(.invalidValue, tree, key, "child \(child) of node \(id) is out of range or reused")
                }
                if child >= 0 { seenNode[child] = true } else { seenLeaf[~child] = true }
                order.append(child)
            }
        }
        let base = nodes.count
        let bitBase = categoryBits.count
        var newIndex: [Int: Int] = [:]
        for (i, id) in order.enumerated() { newIndex[id] = base + i }
        for id in order {
            if id < 0 {
                nodes.append(LightGBMNode(leaf: leafValues[~id]))
                continue
            }
            guard (0..<featureCount).contains(features[id]) else {
                throw file.error(.invalidValue, tree, "split_feature", "feature \(features[id]) of node \(id) is out of range")
            }
            let decision = decisions[id]
            guard (decision >> 2) & 3 != 3, decision < 16 else {
                throw file.error(.invalidValue, tree, "decision_type", "value \(decision) of node \(id) is invalid")
            }
            let left = newIndex[lefts[id]]!
            if decision & LightGBMNode.categoricalBit == 0 {
                nodes.append(LightGBMNode(threshold: thresholds[id], feature: features[id], left: left, decision: decision))
                continue
            }
            let threshold = thresholds[id]
            guard threshold >= 0, threshold < Double(categories), threshold == threshold.rounded() else {
                throw file.error(.invalidValue, tree, "threshold", "category set \(thresholds[id]) of node \(id) is out of range")
            }
            nodes.append(LightGBMNode(threshold: thresholds[id], feature: features[id], left: left, decision: decision,
                                      categoryStart: bitBase + boundaries[Int(threshold)],
                                      categoryWords: boundaries[Int(threshold) + 1] - boundaries[Int(threshold)]))
        }
        categoryBits.append(contentsOf: bitsets)
    }
}
