/// One model's answers compared with what production answered, over the records whose log carries a
/// `recorded` answer. The recorded answer takes the champion's place in the comparison: a label flip means the
/// model would have decided otherwise than production did.
public struct RecordedSummary: Sendable, Equatable, Codable {
    public var model: String
    /// Records with a recorded answer that this model was asked about.
    public var compared: Int
    public var labelFlip: Int
    public var scoreDelta: Int
    /// The model failed on a record that has a recorded answer.
    public var modelError: Int
    /// The recorded answer held no number, or not as many as the model's output.
    public var unreadable: Int

    public init(model: String, compared: Int = 0, labelFlip: Int = 0, scoreDelta: Int = 0, modelError: Int = 0,
                unreadable: Int = 0) {
        self.model = model
        self.compared = compared
        self.labelFlip = labelFlip
        self.scoreDelta = scoreDelta
        self.modelError = modelError
        self.unreadable = unreadable
    }

    /// Records whose recorded answer the model reproduced within the comparison's tolerances.
    public var agreed: Int { compared - labelFlip - scoreDelta - modelError - unreadable }

    /// Adds another batch's counts for the same model.
    public mutating func add(_ other: RecordedSummary) {
        compared += other.compared
        labelFlip += other.labelFlip
        scoreDelta += other.scoreDelta
        modelError += other.modelError
        unreadable += other.unreadable
    }
}
