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
    /// Predicts rows `0..<count` at once: `withRow(r, body)` calls `body` with row r, whose outputs go to
    /// `out[r * width ..< (r + 1) * width]` and whose error (nil on success) to `errors[r]`. A model may evaluate a
    /// block of rows together (an ensemble walks each tree for several rows, whose loads then overlap).
    func predict(rows count: Int, withRow: (Int, (UnsafeBufferPointer<Double>) -> Void) -> Void,
                 into out: UnsafeMutableBufferPointer<Double>, errors: UnsafeMutableBufferPointer<ModelErrorCode?>)
}

extension EmbeddedModel {
    /// One row at a time.
    public func predict(rows count: Int, withRow: (Int, (UnsafeBufferPointer<Double>) -> Void) -> Void,
                        into out: UnsafeMutableBufferPointer<Double>, errors: UnsafeMutableBufferPointer<ModelErrorCode?>) {
        let width = task.outputWidth
        for r in 0..<count {
            withRow(r) { row in
                errors[r] = predict(row, into: UnsafeMutableBufferPointer(rebasing: out[(r * width)..<((r + 1) * width)]))
            }
        }
    }

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
