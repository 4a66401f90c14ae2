/// Page–Hinkley test with a fading factor, step for step as River's `PageHinkley` (mode "both" by default).
public struct PageHinkley: StreamingDetector, Hashable {
    /// Which direction of change to watch.
    public enum Mode: String, Sendable, Codable, Hashable {
        /// Increases of the mean.
        case up
        /// Decreases of the mean.
        case down
        /// Both directions.
        case both
    }

    /// Samples before any signal.
    public var minInstances: Int
    /// Tolerated magnitude of change.
    public var delta: Double
    /// Detection threshold (lambda).
    public var threshold: Double
    /// Fading factor of the cumulative sums.
    public var alpha: Double
    /// Direction watched.
    public var mode: Mode

    private var n = 0
    private var mean = 0.0
    private var sumIncrease = 0.0
    private var sumDecrease = 0.0
    private var minIncrease = Double.infinity
    // River starts the running maximum at −1, not −∞; kept for identical detections.
    private var maxDecrease = -1.0
    private var driftPending = false

    /// A detector with River's defaults (30, 0.005, 50, 1 − 0.0001, both).
    public init(minInstances: Int = 30, delta: Double = 0.005, threshold: Double = 50,
                alpha: Double = 1 - 0.0001, mode: Mode = .both) {
        self.minInstances = minInstances
        self.delta = delta
        self.threshold = threshold
        self.alpha = alpha
        self.mode = mode
    }

    /// Feeds one sample.
    public mutating func update(_ x: Double) -> DetectorSignal {
        if driftPending {
            self = PageHinkley(minInstances: minInstances, delta: delta, threshold: threshold, alpha: alpha, mode: mode)
        }
        n += 1
        mean += (1 / Double(n)) * (x - mean)
        let dev = x - mean
        sumIncrease = alpha * sumIncrease + dev - delta
        sumDecrease = alpha * sumDecrease + dev + delta
        if sumIncrease < minIncrease { minIncrease = sumIncrease }
        if sumDecrease > maxDecrease { maxDecrease = sumDecrease }
        guard n >= minInstances else { return .none }
        let up = sumIncrease - minIncrease > threshold
        let down = maxDecrease - sumDecrease > threshold
        let fired: Bool
        switch mode {
        case .up: fired = up
        case .down: fired = down
        case .both: fired = up || down
        }
        if fired {
            driftPending = true
            return .drift
        }
        return .none
    }
}
