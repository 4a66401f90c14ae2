/// One scalar value of a traffic record: a feature, a label or a recorded output.
public enum FeatureValue: Sendable, Hashable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case null

    /// The value as a model input: numbers as they are, booleans as 0/1, null and strings as missing (NaN).
    @inlinable
    public var numericValue: Double {
        switch self {
        case .number(let x): return x
        case .bool(let b): return b ? 1 : 0
        case .null, .string: return .nan
        }
    }
}
