/// One replayed request, as a reader decoded it.
public struct TrafficRecord: Sendable {
    /// The request id from the log (integers are rendered as decimal strings).
    public var id: String
    /// Record time in milliseconds since the Unix epoch, when the log has one.
    public var epochMs: Double?
    /// Feature values in `FeatureSchema` order; NaN marks a missing, null or non-numeric value.
    public var features: [Double]
    /// Slots that held a string value, with the string (nil when the record has none: the common case).
    public var strings: [Int: String]?
    /// Ground truth, when the log carries it.
    public var label: FeatureValue?
    /// The byte range, inside the batch's `text`, of the record's features as a JSON object.
    public var featuresJSON: Range<Int>
    /// Where the record came from.
    public var position: SourcePosition
    /// What production answered, when the log carries it (`recorded`): its byte range inside the batch's
    /// `text`, and its numbers (score, or probabilities; empty when no number could be read from it).
    public var recorded: RecordedAnswer?

    public init(
        id: String, epochMs: Double?, features: [Double], strings: [Int: String]? = nil,
        label: FeatureValue? = nil, featuresJSON: Range<Int>, position: SourcePosition, recorded: RecordedAnswer? = nil
    ) {
        self.id = id
        self.epochMs = epochMs
        self.features = features
        self.strings = strings
        self.label = label
        self.featuresJSON = featuresJSON
        self.position = position
        self.recorded = recorded
    }
}

/// The answer production gave for a record, as the log recorded it.
public struct RecordedAnswer: Sendable, Equatable {
    /// The byte range of the recorded JSON value inside the batch's `text`.
    public var json: Range<Int>
    /// Its numbers in output order: one score, or class probabilities; empty when none could be read.
    public var values: [Double]
    /// Every number was an integer literal or a bool: a single such value from a classifier is a label.
    public var integral: Bool

    public init(json: Range<Int>, values: [Double], integral: Bool = false) {
        self.json = json
        self.values = values
        self.integral = integral
    }
}
