import ShadowCore

/// A linear model with an identity, logistic or softmax link; any missing input is an error.
public struct LinearModel: EmbeddedModel {
    /// How margins become outputs.
    public enum Link: String, Sendable, CaseIterable {
        /// The margin itself (regression).
        case identity
        /// `1 / (1 + exp(-margin))` (binary).
        case logistic
        /// Probabilities over one margin per class (multiclass).
        case softmax
    }

    /// The model's inputs, in file order.
    public let featureNames: [String]
    /// What the model predicts.
    public let task: ModelTask
    /// The link applied to the margins.
    public let link: Link
    /// Per output: the intercept.
    let intercepts: [Double]
    /// Output-major weights: `weights[k * featureCount + i]` multiplies feature i for output k.
    let weights: [Double]
    /// Row slot of each feature.
    let slots: [Int]

    /// Builds a model from its parts; `coefficients` holds one row of `featureNames.count` weights per output.
    public init(featureNames: [String], link: Link, intercepts: [Double], coefficients: [[Double]]) {
        precondition(intercepts.count == coefficients.count && !intercepts.isEmpty, "one intercept per output")
        precondition(coefficients.allSatisfy { $0.count == featureNames.count }, "one weight per feature")
        precondition(link == .softmax ? intercepts.count >= 2 : intercepts.count == 1, "outputs match the link")
        let task: ModelTask = switch link {
        case .identity: .regression
        case .logistic: .binary
        case .softmax: .multiclass(classes: intercepts.count)
        }
        self.init(featureNames: featureNames, task: task, link: link, intercepts: intercepts,
                  weights: coefficients.flatMap { $0 }, slots: Array(featureNames.indices))
    }

    init(featureNames: [String], task: ModelTask, link: Link, intercepts: [Double], weights: [Double], slots: [Int]) {
        self.featureNames = featureNames
        self.task = task
        self.link = link
        self.intercepts = intercepts
        self.weights = weights
        self.slots = slots
    }

    /// A copy that reads feature i from row[slots[i]].
    public func bound(toSlots slots: [Int]) -> LinearModel {
        precondition(slots.count == featureNames.count, "one slot per feature")
        return LinearModel(featureNames: featureNames, task: task, link: link, intercepts: intercepts,
                           weights: weights, slots: slots)
    }

    /// Writes the outputs for one row; nil on success.
    public func predict(_ row: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>)
        -> ModelErrorCode?
    {
        let count = slots.count
        let outputs = intercepts.count
        return slots.withUnsafeBufferPointer { slots in
            weights.withUnsafeBufferPointer { weights in
                for i in 0..<count where row[slots[i]].isNaN { return .missingFeature }
                for k in 0..<outputs {
                    var margin = intercepts[k]
                    let offset = k * count
                    for i in 0..<count { margin += weights[offset + i] * row[slots[i]] }
                    out[k] = margin
                }
                switch link {
                case .identity: break
                case .logistic: out[0] = OutputMath.sigmoid(out[0])
                case .softmax: OutputMath.softmax(UnsafeMutableBufferPointer(rebasing: out[0..<outputs]))
                }
                return nil
            }
        }
    }
}
