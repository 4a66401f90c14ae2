import ShadowCore

extension XGBoostModel {
    /// Loads a model from XGBoost `save_model` JSON bytes; `source` names the file in errors.
    public init(json bytes: [UInt8], source: String) throws {
        let document = try JSONModelDecoding.decode(XGBoostDocument.self, from: bytes, source: source)
        let learner = document.learner
        func fail(_ code: ModelLoadError.Code, _ field: String, _ message: String) -> ModelLoadError {
            ModelLoadError(code, file: source, field: "learner." + field, message: message)
        }

        guard learner.gradientBooster.name == "gbtree", let model = learner.gradientBooster.model else {
            throw fail(.unsupported, "gradient_booster.name",
                       "booster \"\(learner.gradientBooster.name)\" is not supported (only gbtree)")
        }
        guard let featureCount = Int(learner.learnerModelParam.numFeature), featureCount > 0 else {
            throw fail(.invalidValue, "learner_model_param.num_feature",
                       "expected a positive integer, got \"\(learner.learnerModelParam.numFeature)\"")
        }
        if let targets = learner.learnerModelParam.numTarget, targets != "1" {
            throw fail(.unsupported, "learner_model_param.num_target", "multi-target models are not supported")
        }
        let names = learner.featureNames ?? []
        if !names.isEmpty && names.count != featureCount {
            throw fail(.invalidValue, "feature_names", "\(names.count) names for num_feature \(featureCount)")
        }
        let (task, link) = try Self.objective(learner, fail: fail)
        let width = task.outputWidth
        let baseMargins = try Self.baseMargins(learner.learnerModelParam.baseScore, width: width, link: link,
                                               fail: fail)

        guard model.treeInfo.count == model.trees.count else {
            throw fail(.invalidValue, "gradient_booster.model.tree_info",
                       "\(model.treeInfo.count) entries for \(model.trees.count) trees")
        }
        var nodes: [XGBoostNode] = []
        var roots: [Int32] = []
        var groups: [Int32] = []
        var depths: [Int32] = []
        for (t, tree) in model.trees.enumerated() {
            let field = "gradient_booster.model.trees[\(t)]"
            guard (0..<width).contains(model.treeInfo[t]) else {
                throw fail(.invalidValue, "gradient_booster.model.tree_info[\(t)]",
                           "class \(model.treeInfo[t]) outside 0..<\(width)")
            }
            roots.append(Int32(nodes.count))
            groups.append(Int32(model.treeInfo[t]))
            depths.append(try Self.flatten(tree, featureCount: featureCount, into: &nodes) {
                fail(.invalidValue, field + "." + $0, $1)
            })
            guard nodes.count < Int(Int32.max) else {
                throw fail(.unsupported, field, "model has too many nodes")
            }
        }
        self.init(featureNames: names.isEmpty ? (0..<featureCount).map { "f\($0)" } : names, task: task,
                  link: link, nodes: nodes, roots: roots, groups: groups, depths: depths, baseMargins: baseMargins,
                  slots: Array(0..<featureCount))
        if XGBoostForest.available {
            forest = XGBoostForest(nodes: nodes, roots: roots, depths: depths, groups: groups)
        }
    }

    /// The task and link of an objective name (`multi:softmax` is served as probabilities, like softprob).
    static func objective(_ learner: XGBoostDocument.Learner,
                          fail: (ModelLoadError.Code, String, String) -> ModelLoadError) throws -> (ModelTask, Link) {
        let name = learner.objective.name
        switch name {
        case "binary:logistic": return (.binary, .sigmoid)
        case "reg:logistic": return (.regression, .sigmoid)
        case "reg:squarederror", "reg:linear", "reg:absoluteerror", "reg:pseudohubererror":
            return (.regression, .identity)
        case "multi:softprob", "multi:softmax":
            let text = learner.learnerModelParam.numClass ?? ""
            guard let classes = Int(text), classes >= 2 else {
                throw fail(.invalidValue, "learner_model_param.num_class",
                           "expected an integer >= 2 for \(name), got \"\(text)\"")
            }
            return (.multiclass(classes: classes), .softmax)
        default:
            throw fail(.unsupported, "objective.name", "objective \"\(name)\" is not supported")
        }
    }

    /// Parses `base_score` (`"0.5"`, `"[6.3E-1]"` or `"[a,b,c]"`) into starting margins, one per output.
    static func baseMargins(_ text: String, width: Int, link: Link,
                            fail: (ModelLoadError.Code, String, String) -> ModelLoadError) throws -> [Float] {
        let field = "learner_model_param.base_score"
        var body = Substring(text)
        if body.first == "[" && body.last == "]" { body = body.dropFirst().dropLast() }
        var values: [Float] = []
        for part in body.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Float(part.trimmingSpaces), value.isFinite else {
                throw fail(.invalidValue, field, "expected numbers, got \"\(text)\"")
            }
            values.append(value)
        }
        if values.count == 1 && width > 1 { values = Array(repeating: values[0], count: width) }
        guard values.count == width else {
            throw fail(.invalidValue, field, "\(values.count) values for \(width) outputs")
        }
        guard link == .sigmoid else { return values }
        // Logistic objectives store a probability; trees add to its logit.
        return try values.map { p in
            guard p > 0 && p < 1 else { throw fail(.invalidValue, field, "probability \(p) outside (0, 1)") }
            return OutputMath.logit(p)
        }
    }

    /// Appends one tree's nodes breadth-first (siblings adjacent), checking every index on the way;
    /// returns the tree's depth.
    static func flatten(_ tree: XGBoostDocument.Tree, featureCount: Int, into nodes: inout [XGBoostNode],
                        fail: (String, String) -> ModelLoadError) throws -> Int32 {
        guard let count = Int(tree.treeParam.numNodes), count > 0 else {
            throw fail("tree_param.num_nodes", "expected a positive integer, got \"\(tree.treeParam.numNodes)\"")
        }
        if let size = tree.treeParam.sizeLeafVector, size != "1", size != "0" {
            throw fail("tree_param.size_leaf_vector", "vector leaves are not supported")
        }
        let arrays: [(String, Int)] = [
            ("left_children", tree.leftChildren.count), ("right_children", tree.rightChildren.count),
            ("split_indices", tree.splitIndices.count), ("split_conditions", tree.splitConditions.count),
            ("default_left", tree.defaultLeft.values.count),
        ]
        for (name, length) in arrays where length != count {
            throw fail(name, "\(length) entries for num_nodes \(count)")
        }
        if let types = tree.splitType, let i = types.firstIndex(where: { $0 != 0 }) {
            throw fail("split_type[\(i)]", "categorical splits are not supported")
        }
        // Breadth-first order: original node ids in their new order; `placed` guards against cycles.
        var order = [0]
        var depth = [Int32](repeating: 0, count: count)
        var placed = [Bool](repeating: false, count: count)
        placed[0] = true
        var position = 0
        while position < order.count {
            let id = order[position]
            position += 1
            let (left, right) = (tree.leftChildren[id], tree.rightChildren[id])
            if left == -1 && right == -1 { continue }
            for (name, child) in [("left_children", left), ("right_children", right)] {
                guard (0..<count).contains(child), !placed[child] else {
                    throw fail("\(name)[\(id)]", "child \(child) is out of range or already used")
                }
                placed[child] = true
                depth[child] = depth[id] + 1
                order.append(child)
            }
        }
        let base = nodes.count
        var newIndex = [Int](repeating: -1, count: count)
        for (i, id) in order.enumerated() { newIndex[id] = base + i }
        for id in order {
            let value = tree.splitConditions[id]
            guard value.isFinite else { throw fail("split_conditions[\(id)]", "value is not finite") }
            if tree.leftChildren[id] == -1 {
                nodes.append(XGBoostNode(leaf: value))
                continue
            }
            let feature = tree.splitIndices[id]
            guard (0..<featureCount).contains(feature) else {
                throw fail("split_indices[\(id)]", "feature \(feature) outside 0..<\(featureCount)")
            }
            nodes.append(XGBoostNode(threshold: value, feature: feature, defaultLeft: tree.defaultLeft.values[id],
                                     left: newIndex[tree.leftChildren[id]]))
        }
        return depth.max() ?? 0
    }
}
