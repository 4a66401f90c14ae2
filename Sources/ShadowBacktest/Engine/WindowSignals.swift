import ShadowDrift

/// The signals a trigger strategy's rule reads, computed over windows of newly labelled records:
/// `error` (the window's error rate, or RMSE), `error_increase` (that minus the model's baseline), and
/// `psi:FEATURE` (decile PSI of the window against the model's training rows).
struct WindowSignals {
    let width: Int
    let featureNames: [String]
    let regression: Bool
    var errorSum = 0.0
    var count = 0
    var current: [[Double]]
    var reference: [[Double]]?
    var baseline: Double?

    init(featureNames: [String], regression: Bool) {
        width = featureNames.count
        self.featureNames = featureNames
        self.regression = regression
        current = Array(repeating: [], count: featureNames.count)
    }

    /// Starts over for a new model: its baseline error and training rows (nil: both come from its first window).
    mutating func reset(baseline: Double?, reference: [[Double]]?) {
        self.baseline = baseline
        self.reference = reference
        errorSum = 0
        count = 0
        for i in 0..<width { current[i].removeAll(keepingCapacity: true) }
    }

    /// Adds one labelled record's error (0/1, or squared error) and features.
    mutating func add(error: Double, row: some Collection<Double>) {
        errorSum += error
        count += 1
        for (i, x) in row.enumerated() where !x.isNaN { current[i].append(x) }
    }

    /// Ends the window: the observations, or nil when this window only set the baseline and reference.
    mutating func close() -> [SignalObservation]? {
        let rate = regression ? (errorSum / Double(max(count, 1))).squareRoot() : errorSum / Double(max(count, 1))
        defer {
            errorSum = 0
            count = 0
            for i in 0..<width { current[i].removeAll(keepingCapacity: true) }
        }
        guard let baseline, let reference else {
            if baseline == nil { baseline = rate }
            if reference == nil { reference = current }
            return nil
        }
        var out = [SignalObservation(signal: "error", value: rate, samples: count),
                   SignalObservation(signal: "error_increase", value: rate - baseline, samples: count)]
        for i in 0..<width where !reference[i].isEmpty && !current[i].isEmpty {
            let psi = PSI.compute(reference: reference[i], current: current[i], binning: .deciles).value
            out.append(SignalObservation(signal: "psi:" + featureNames[i], value: psi, samples: current[i].count))
        }
        return out
    }
}
