/// The part a model plays in a replay.
public enum ModelRole: String, Sendable, CaseIterable {
    /// The model serving production today; every shadow is compared with it.
    case champion
    /// A candidate answering the same traffic.
    case shadow
    /// A second champion copy, used as the noise floor.
    case replica
}
