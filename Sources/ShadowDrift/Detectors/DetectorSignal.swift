/// What a streaming detector says after one sample.
public enum DetectorSignal: String, Sendable, Codable, Hashable, Comparable {
    /// Nothing unusual.
    case none
    /// The statistic is in the warning zone (DDM only).
    case warning
    /// A change was detected; the detector resets on its next update, as River's do.
    case drift

    private var rank: Int {
        switch self {
        case .none: return 0
        case .warning: return 1
        case .drift: return 2
        }
    }

    /// Orders none < warning < drift.
    public static func < (a: DetectorSignal, b: DetectorSignal) -> Bool { a.rank < b.rank }
}

/// A streaming change detector over a sequence of numbers (an error indicator, a disagreement indicator, a score).
public protocol StreamingDetector: Sendable, Codable {
    /// Feeds one sample and says whether it marks a change.
    mutating func update(_ x: Double) -> DetectorSignal
}

/// The detectors a config can name, with River's default parameters.
public enum DetectorKind: String, Sendable, Codable, CaseIterable {
    /// ADaptive WINdowing (Bifet & Gavaldà 2007).
    case adwin
    /// Drift Detection Method (Gama et al. 2004), for 0/1 error streams.
    case ddm
    /// Page–Hinkley cumulative test, both directions.
    case pageHinkley = "page_hinkley"
}

/// A detector of any kind, so a monitor can hold a list of them and persist it as one Codable value.
/// (A struct of optionals rather than an enum: the wrapped detector is updated in place, without a copy.)
public struct AnyDetector: StreamingDetector, Hashable {
    /// Which detector this is.
    public let kind: DetectorKind
    private var adwin: ADWIN?
    private var ddm: DDM?
    private var pageHinkley: PageHinkley?

    /// A fresh detector of a kind with its default parameters.
    public init(_ kind: DetectorKind) {
        switch kind {
        case .adwin: self.init(ADWIN())
        case .ddm: self.init(DDM())
        case .pageHinkley: self.init(PageHinkley())
        }
    }

    /// Wraps a configured ADWIN.
    public init(_ detector: ADWIN) { kind = .adwin; adwin = detector }
    /// Wraps a configured DDM.
    public init(_ detector: DDM) { kind = .ddm; ddm = detector }
    /// Wraps a configured Page–Hinkley test.
    public init(_ detector: PageHinkley) { kind = .pageHinkley; pageHinkley = detector }

    /// Feeds one sample to the wrapped detector.
    public mutating func update(_ x: Double) -> DetectorSignal {
        switch kind {
        case .adwin: return adwin!.update(x)
        case .ddm: return ddm!.update(x)
        case .pageHinkley: return pageHinkley!.update(x)
        }
    }
}
