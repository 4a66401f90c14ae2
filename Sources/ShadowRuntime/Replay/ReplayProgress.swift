/// How far a replay has come; handed to the progress display a few times a second.
public struct ReplayProgress: Sendable, Equatable {
    public var records: Int = 0
    public var rejects: Int = 0
    public var disagreements: Int = 0
    public var bytesDone: Int64 = 0
    public var bytesTotal: Int64 = 0
    public var elapsedSeconds: Double = 0
    public var finished = false

    public init() {}

    /// Fraction of the input bytes read, 0…1.
    public var fraction: Double {
        bytesTotal > 0 ? min(1, Double(bytesDone) / Double(bytesTotal)) : 0
    }
}
