/// What a model predicts, which fixes the width and meaning of its output.
public enum ModelTask: Sendable, Equatable, CustomStringConvertible {
    /// One value: the probability of the positive class.
    case binary
    /// `classes` probabilities summing to 1.
    case multiclass(classes: Int)
    /// One real value.
    case regression

    /// Number of output values per record.
    public var outputWidth: Int {
        switch self {
        case .binary, .regression: return 1
        case .multiclass(let k): return k
        }
    }

    public var description: String {
        switch self {
        case .binary: return "binary"
        case .multiclass(let k): return "multiclass(\(k))"
        case .regression: return "regression"
        }
    }
}
