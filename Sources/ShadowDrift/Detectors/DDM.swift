/// Drift Detection Method (Gama et al. 2004) on a 0/1 error stream, step for step as River's `binary.DDM`:
/// warning when p + s > p_min + 2·s_min, drift when p + s > p_min + 3·s_min, after `warmStart` samples.
public struct DDM: StreamingDetector, Hashable {
    /// Samples before any signal (River's `warm_start`).
    public var warmStart: Int
    /// Warning level in units of s_min.
    public var warningThreshold: Double
    /// Drift level in units of s_min.
    public var driftThreshold: Double

    private var n = 0
    private var mean = 0.0
    private var pMin = Double.nan
    private var sMin = Double.nan
    private var psMin = Double.infinity
    private var driftPending = false

    /// A detector with River's defaults (30, 2.0, 3.0).
    public init(warmStart: Int = 30, warningThreshold: Double = 2.0, driftThreshold: Double = 3.0) {
        self.warmStart = warmStart
        self.warningThreshold = warningThreshold
        self.driftThreshold = driftThreshold
    }

    /// Samples since the last reset.
    public var count: Int { n }
    /// The running error rate.
    public var errorRate: Double { mean }

    /// Feeds one sample (1 = error, 0 = correct).
    public mutating func update(_ x: Double) -> DetectorSignal {
        if driftPending { self = DDM(warmStart: warmStart, warningThreshold: warningThreshold, driftThreshold: driftThreshold) }
        n += 1
        mean += (1 / Double(n)) * (x - mean)
        let p = mean
        let s = (p * (1 - p) / Double(n)).squareRoot()
        guard n > warmStart else { return .none }
        if p + s <= psMin {
            pMin = p
            sMin = s
            psMin = pMin + sMin
        }
        if p + s > pMin + driftThreshold * sMin {
            driftPending = true
            return .drift
        }
        return p + s > pMin + warningThreshold * sMin ? .warning : .none
    }
}
