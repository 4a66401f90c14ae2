/// How a shadow's answer differs from the champion's. Bounded: used as a column value.
public enum DisagreementKind: String, Sendable, CaseIterable, Codable {
    /// The predicted label (binary threshold or multiclass argmax) differs.
    case labelFlip = "label_flip"
    /// Same label, but the score or a class probability moved beyond the tolerances.
    case scoreDelta = "score_delta"
    /// The shadow failed on a record the champion answered.
    case shadowError = "shadow_error"
}
