#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ShadowCore

/// The built-in trainer for the embedded linear model: logistic (binary), softmax (multiclass, class 0 as the
/// reference) or least squares (regression), fitted by Newton's method on standardized features with an L2
/// penalty on the weights (not the intercepts), then mapped back to raw-feature weights.
public enum LinearTrainer {
    /// How hard to fit.
    public struct Options: Sendable, Equatable {
        /// L2 strength on standardized weights (the loss is a mean over rows).
        public var l2: Double
        /// Newton iterations at most.
        public var maxIterations: Int
        /// Stop when no parameter moves more than this.
        public var tolerance: Double

        /// Defaults that fit well-conditioned tabular data in a handful of iterations.
        public init(l2: Double = 1e-4, maxIterations: Int = 30, tolerance: Double = 1e-7) {
            self.l2 = l2
            self.maxIterations = maxIterations
            self.tolerance = tolerance
        }
    }

    /// Why a window could not be trained on.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// A sentence naming the problem.
        public var description: String
    }

    /// Fits a model of `task` on the complete rows of `window` (rows with a missing value are skipped).
    public static func train(_ window: TrainingWindow, featureNames: [String], task: ModelTask,
                             options: Options = Options()) throws(Failure) -> TrainedLinear {
        let d = window.width
        precondition(featureNames.count == d, "one name per column")
        let data = Standardized(window)
        guard data.count >= 2 else {
            throw Failure(description: "the training window has \(data.count) complete labelled rows (need at least 2)")
        }
        switch task {
        case .regression:
            let theta = try leastSquares(data, l2: options.l2)
            return data.unstandardize(featureNames: featureNames, link: .identity, theta: [theta])
        case .binary:
            let theta = try newton(data, classes: 2, options: options)
            return data.unstandardize(featureNames: featureNames, link: .logistic, theta: theta)
        case .multiclass(let k):
            let theta = try newton(data, classes: k, options: options)
            let zero = [Double](repeating: 0, count: d + 1)
            return data.unstandardize(featureNames: featureNames, link: .softmax, theta: [zero] + theta)
        }
    }

    /// Ridge least squares on standardized features: (ZᵀZ/n + λI′) θ = Zᵀy/n.
    static func leastSquares(_ data: Standardized, l2: Double) throws(Failure) -> [Double] {
        let p = data.width + 1
        var a = [Double](repeating: 0, count: p * p)
        var b = [Double](repeating: 0, count: p)
        data.z.withUnsafeBufferPointer { z in
            for r in 0..<data.count {
                let row = r * p
                let y = data.labels[r]
                for i in 0..<p {
                    let zi = z[row + i]
                    b[i] += zi * y
                    for j in i..<p { a[i * p + j] += zi * z[row + j] }
                }
            }
        }
        let n = Double(data.count)
        for i in 0..<p {
            b[i] /= n
            for j in i..<p { a[i * p + j] /= n; a[j * p + i] = a[i * p + j] }
            if i > 0 { a[i * p + i] += l2 }
        }
        guard let theta = Cholesky.solve(a, b, n: p) else {
            throw Failure(description: "least squares: the features are degenerate (singular system)")
        }
        return theta
    }

    /// Multinomial logistic regression with `classes − 1` free outputs (class 0's margin is 0).
    static func newton(_ data: Standardized, classes: Int, options: Options) throws(Failure) -> [[Double]] {
        let p = data.width + 1
        let outputs = classes - 1
        let size = outputs * p
        var theta = [Double](repeating: 0, count: size)
        var loss = objective(data, theta, outputs: outputs, l2: options.l2)
        for _ in 0..<options.maxIterations {
            let (gradient, hessian) = derivatives(data, theta, outputs: outputs, l2: options.l2)
            guard let step = Cholesky.solve(hessian, gradient, n: size) else {
                throw Failure(description: "logistic fit: the Hessian is not positive definite")
            }
            var scale = 1.0
            var next = theta
            var nextLoss = loss
            for _ in 0..<20 {
                for i in 0..<size { next[i] = theta[i] - scale * step[i] }
                nextLoss = objective(data, next, outputs: outputs, l2: options.l2)
                if nextLoss <= loss + 1e-12 { break }
                scale /= 2
            }
            let moved = zip(next, theta).map { abs($0 - $1) }.max() ?? 0
            theta = next
            loss = nextLoss
            if moved < options.tolerance { break }
        }
        return (0..<outputs).map { Array(theta[($0 * p)..<(($0 + 1) * p)]) }
    }

    /// Mean negative log-likelihood plus the L2 term.
    static func objective(_ data: Standardized, _ theta: [Double], outputs: Int, l2: Double) -> Double {
        let p = data.width + 1
        var total = 0.0
        var margins = [Double](repeating: 0, count: outputs)
        data.z.withUnsafeBufferPointer { z in
            theta.withUnsafeBufferPointer { t in
                for r in 0..<data.count {
                    let row = r * p
                    var top = 0.0
                    for c in 0..<outputs {
                        var m = 0.0
                        for i in 0..<p { m += t[c * p + i] * z[row + i] }
                        margins[c] = m
                        top = max(top, m)
                    }
                    var sum = exp(-top)
                    for c in 0..<outputs { sum += exp(margins[c] - top) }
                    let y = Int(data.labels[r])
                    let own = y == 0 ? 0 : margins[y - 1]
                    total += top + log(sum) - own
                }
            }
        }
        var penalty = 0.0
        for c in 0..<outputs { for i in 1..<p { penalty += theta[c * p + i] * theta[c * p + i] } }
        return total / Double(data.count) + l2 / 2 * penalty
    }

    /// Gradient and Hessian of `objective`.
    static func derivatives(_ data: Standardized, _ theta: [Double], outputs: Int, l2: Double)
        -> (gradient: [Double], hessian: [Double])
    {
        let p = data.width + 1
        let size = outputs * p
        var g = [Double](repeating: 0, count: size)
        var h = [Double](repeating: 0, count: size * size)
        var probs = [Double](repeating: 0, count: outputs)
        data.z.withUnsafeBufferPointer { z in
            theta.withUnsafeBufferPointer { t in
                g.withUnsafeMutableBufferPointer { g in
                    h.withUnsafeMutableBufferPointer { h in
                        for r in 0..<data.count {
                            let row = r * p
                            var top = 0.0
                            for c in 0..<outputs {
                                var m = 0.0
                                for i in 0..<p { m += t[c * p + i] * z[row + i] }
                                probs[c] = m
                                top = max(top, m)
                            }
                            var sum = exp(-top)
                            for c in 0..<outputs { probs[c] = exp(probs[c] - top); sum += probs[c] }
                            for c in 0..<outputs { probs[c] /= sum }
                            let y = Int(data.labels[r])
                            for a in 0..<outputs {
                                let residual = probs[a] - (y == a + 1 ? 1 : 0)
                                for i in 0..<p { g[a * p + i] += residual * z[row + i] }
                                for b in a..<outputs {
                                    let w = a == b ? probs[a] * (1 - probs[a]) : -probs[a] * probs[b]
                                    for i in 0..<p {
                                        let wi = w * z[row + i]
                                        let base = (a * p + i) * size + b * p
                                        for j in 0..<p { h[base + j] += wi * z[row + j] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let n = Double(data.count)
        for i in 0..<size {
            g[i] /= n
            for j in 0..<size { h[i * size + j] /= n }
        }
        // Mirror the upper blocks (b ≥ a) to the lower ones, then add the penalty.
        for a in 0..<outputs {
            for b in 0..<a {
                for i in 0..<p { for j in 0..<p { h[(a * p + i) * size + b * p + j] = h[(b * p + j) * size + a * p + i] } }
            }
            for i in 1..<p {
                g[a * p + i] += l2 * theta[a * p + i]
                h[(a * p + i) * size + a * p + i] += l2
            }
            h[(a * p) * size + a * p] += 1e-10
        }
        return (g, h)
    }
}
