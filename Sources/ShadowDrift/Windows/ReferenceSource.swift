/// Where a feature's reference distribution comes from; the config names one.
public enum ReferenceSource: Sendable, Codable, Hashable {
    /// The first N records of the replay.
    case firstRecords(Int)
    /// A baseline profile file written by `shadowctl profile` (a `FeatureProfile` as JSON).
    case profile(path: String)
    /// The same UTC hour of record time one day or one week earlier (`SeasonalReference`).
    case sameHour(SeasonalReference.Lag)
}
