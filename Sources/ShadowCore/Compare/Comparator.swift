/// Decides whether a shadow's answer for one record disagrees with the champion's (DESIGN §7).
///
/// Precedence when several apply: a shadow error, then a label flip, then a score delta.
public struct Comparator: Sendable {
    public let settings: CompareSettings

    public init(settings: CompareSettings) {
        self.settings = settings
    }

    /// One disagreement: its kind and the size of the difference (nil for errors).
    public struct Verdict: Sendable, Equatable {
        public var kind: DisagreementKind
        public var delta: Double?

        public init(kind: DisagreementKind, delta: Double?) {
            self.kind = kind
            self.delta = delta
        }
    }

    /// Compares the champion's and a shadow's outputs for one record; nil when they agree or the champion failed.
    public func compare(
        champion: ArraySlice<Double>, championError: ModelErrorCode?,
        shadow: ArraySlice<Double>, shadowError: ModelErrorCode?
    ) -> Verdict? {
        if championError != nil { return nil }
        if shadowError != nil { return Verdict(kind: .shadowError, delta: nil) }
        switch settings.task {
        case .binary:
            let c = champion[champion.startIndex], s = shadow[shadow.startIndex]
            let delta = abs(s - c)
            if (c >= settings.threshold) != (s >= settings.threshold) {
                return Verdict(kind: .labelFlip, delta: delta)
            }
            return exceedsTolerance(delta, reference: c) ? Verdict(kind: .scoreDelta, delta: delta) : nil
        case .multiclass:
            var delta = 0.0
            var worstReference = 0.0
            for (c, s) in zip(champion, shadow) where abs(s - c) > delta {
                delta = abs(s - c)
                worstReference = c
            }
            if Self.argmax(champion) != Self.argmax(shadow) {
                return Verdict(kind: .labelFlip, delta: delta)
            }
            return exceedsTolerance(delta, reference: worstReference) ? Verdict(kind: .scoreDelta, delta: delta) : nil
        case .regression:
            let c = champion[champion.startIndex], s = shadow[shadow.startIndex]
            let delta = abs(s - c)
            return exceedsTolerance(delta, reference: c) ? Verdict(kind: .scoreDelta, delta: delta) : nil
        }
    }

    /// numpy.isclose's rule, inverted: |Δ| > atol + rtol·|reference|. NaN outputs always exceed.
    @inline(__always)
    func exceedsTolerance(_ delta: Double, reference: Double) -> Bool {
        !(delta <= settings.absTolerance + settings.relTolerance * abs(reference))
    }

    /// Index of the largest value; the first one on ties.
    /// The label a classifier's output row stands for (binary: 1 at or over the threshold; multiclass: the
    /// argmax), or nil for regression.
    public func predictedLabel(_ row: ArraySlice<Double>) -> Int? {
        switch settings.task {
        case .binary: return row[row.startIndex] >= settings.threshold ? 1 : 0
        case .multiclass: return Self.argmax(row)
        case .regression: return nil
        }
    }

    static func argmax(_ values: ArraySlice<Double>) -> Int {
        var best = values.startIndex
        for i in values.indices where values[i] > values[best] { best = i }
        return best - values.startIndex
    }
}
