import ShadowModels

/// A training window's complete rows, standardized, with a leading 1 per row for the intercept.
struct Standardized {
    /// Row-major, `count × (width + 1)`.
    var z: [Double] = []
    var labels: [Double] = []
    var mean: [Double] = []
    var scale: [Double] = []
    let width: Int

    var count: Int { labels.count }

    init(_ window: TrainingWindow) {
        let d = window.width
        width = d
        var mean = [Double](repeating: 0, count: d)
        var squares = [Double](repeating: 0, count: d)
        var complete: [Int] = []
        complete.reserveCapacity(window.count)
        window.values.withUnsafeBufferPointer { v in
            rows: for r in 0..<window.count {
                guard !window.labels[r].isNaN else { continue }
                for i in 0..<d where v[r * d + i].isNaN { continue rows }
                complete.append(r)
                for i in 0..<d { mean[i] += v[r * d + i] }
            }
        }
        let n = Double(max(complete.count, 1))
        for i in 0..<d { mean[i] /= n }
        window.values.withUnsafeBufferPointer { v in
            for r in complete { for i in 0..<d { let x = v[r * d + i] - mean[i]; squares[i] += x * x } }
        }
        self.mean = mean
        let scale = squares.map { let s = ($0 / n).squareRoot(); return s > 1e-12 ? s : 1 }
        self.scale = scale
        var z: [Double] = []
        var labels: [Double] = []
        z.reserveCapacity(complete.count * (d + 1))
        labels.reserveCapacity(complete.count)
        window.values.withUnsafeBufferPointer { v in
            for r in complete {
                z.append(1)
                for i in 0..<d { z.append((v[r * d + i] - mean[i]) / scale[i]) }
                labels.append(window.labels[r])
            }
        }
        self.z = z
        self.labels = labels
    }

    /// Raw-feature weights from standardized ones (one `[intercept, w…]` row per output).
    func unstandardize(featureNames: [String], link: LinearModel.Link, theta: [[Double]]) -> TrainedLinear {
        var intercepts: [Double] = []
        var coefficients: [[Double]] = []
        for row in theta {
            var intercept = row[0]
            var weights = [Double](repeating: 0, count: width)
            for i in 0..<width {
                weights[i] = row[i + 1] / scale[i]
                intercept -= weights[i] * mean[i]
            }
            intercepts.append(intercept)
            coefficients.append(weights)
        }
        return TrainedLinear(featureNames: featureNames, link: link, intercepts: intercepts, coefficients: coefficients)
    }
}
