import ShadowCore

/// A model evaluated in process.
public protocol EmbeddedModel: Sendable {
    /// The model's inputs, in the order its file names them.
    var featureNames: [String] { get }
    /// What the model predicts (fixes the output width).
    var task: ModelTask { get }
    /// A copy that reads feature i (featureNames[i]) from row[slots[i]].
    func bound(toSlots slots: [Int]) -> Self
    /// Writes task.outputWidth values (binary: P(class 1); multiclass: probabilities; regression: value).
    /// Returns nil on success or an error code (e.g. .missingFeature for a linear model given NaN).
    func predict(_ row: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) -> ModelErrorCode?
}

extension EmbeddedModel {
    /// Predicts one row given as an array, returning the outputs or the error code.
    public func predict(_ row: [Double]) -> Result<[Double], ModelErrorCode> {
        var out = [Double](repeating: .nan, count: task.outputWidth)
        let error = row.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { predict(input, into: $0) }
        }
        if let error { return .failure(error) }
        return .success(out)
    }
}
