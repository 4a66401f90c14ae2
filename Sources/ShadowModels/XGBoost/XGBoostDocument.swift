/// The parts of an XGBoost `save_model` JSON file that prediction needs.
struct XGBoostDocument: Decodable {
    var learner: Learner

    struct Learner: Decodable {
        var featureNames: [String]?
        var gradientBooster: Booster
        var learnerModelParam: ModelParam
        var objective: Objective

        enum CodingKeys: String, CodingKey {
            case featureNames = "feature_names"
            case gradientBooster = "gradient_booster"
            case learnerModelParam = "learner_model_param"
            case objective
        }
    }

    struct Booster: Decodable {
        var name: String
        /// Present for `gbtree`; other boosters (`dart`, `gblinear`) are rejected by name.
        var model: Model?
    }

    struct Model: Decodable {
        var treeInfo: [Int]
        var trees: [Tree]

        enum CodingKeys: String, CodingKey {
            case treeInfo = "tree_info"
            case trees
        }
    }

    struct Tree: Decodable {
        var leftChildren: [Int]
        var rightChildren: [Int]
        var splitIndices: [Int]
        var splitConditions: [Float]
        var defaultLeft: Flags
        var splitType: [Int]?
        var treeParam: TreeParam

        enum CodingKeys: String, CodingKey {
            case leftChildren = "left_children"
            case rightChildren = "right_children"
            case splitIndices = "split_indices"
            case splitConditions = "split_conditions"
            case defaultLeft = "default_left"
            case splitType = "split_type"
            case treeParam = "tree_param"
        }
    }

    struct TreeParam: Decodable {
        var numNodes: String
        var sizeLeafVector: String?

        enum CodingKeys: String, CodingKey {
            case numNodes = "num_nodes"
            case sizeLeafVector = "size_leaf_vector"
        }
    }

    struct ModelParam: Decodable {
        /// A number, or (3.x) a bracketed list such as `"[6.3E-1]"` or one value per class.
        var baseScore: String
        var numClass: String?
        var numFeature: String
        var numTarget: String?

        enum CodingKeys: String, CodingKey {
            case baseScore = "base_score"
            case numClass = "num_class"
            case numFeature = "num_feature"
            case numTarget = "num_target"
        }
    }

    struct Objective: Decodable {
        var name: String
    }

    /// A boolean array written either as `[0, 1, …]` (xgboost ≥ 1.6) or `[false, true, …]`.
    struct Flags: Decodable {
        var values: [Bool]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let ints = try? container.decode([Int].self) {
                values = ints.map { $0 != 0 }
            } else {
                values = try container.decode([Bool].self)
            }
        }
    }
}
