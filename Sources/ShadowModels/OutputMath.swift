#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The link functions embedded models apply to their margins, written as their libraries write them.
enum OutputMath {
    /// xgboost's float sigmoid (`common::Sigmoid`): the exponent is clamped so `expf` cannot overflow.
    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        1 / (1 + expf(min(-x, 88.7)))
    }

    /// LightGBM's and scikit-learn's double sigmoid with a scale (`sigmoid:` in a LightGBM objective).
    @inline(__always)
    static func sigmoid(_ x: Double, scale: Double = 1) -> Double {
        1 / (1 + exp(-scale * x))
    }

    /// xgboost's float softmax, in place: subtract the max, exponentiate, sum in double, divide in float.
    static func softmax(_ values: UnsafeMutableBufferPointer<Float>) {
        var peak = values[0]
        for v in values where v > peak { peak = v }
        var sum: Double = 0
        for i in values.indices {
            values[i] = expf(values[i] - peak)
            sum += Double(values[i])
        }
        let total = Float(sum)
        for i in values.indices { values[i] /= total }
    }

    /// Double softmax, in place (LightGBM `Common::Softmax`, scikit-learn's multinomial link).
    static func softmax(_ values: UnsafeMutableBufferPointer<Double>) {
        var peak = values[0]
        for v in values where v > peak { peak = v }
        var sum: Double = 0
        for i in values.indices {
            values[i] = exp(values[i] - peak)
            sum += values[i]
        }
        for i in values.indices { values[i] /= sum }
    }

    /// xgboost's `ProbToMargin` for logistic objectives, in float: `-log(1 / p - 1)`.
    static func logit(_ p: Float) -> Float {
        -logf(1 / p - 1)
    }
}
