#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), as scipy's `gammainc`/`gammaincc`.
public enum IncompleteGamma {
    /// Q(a, x), the upper tail; χ² p-values are `upper(dof / 2, statistic / 2)`.
    public static func upper(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x.isFinite || x == .infinity, !x.isNaN, !a.isNaN else { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        if x < a + 1 { return max(0, 1 - lowerSeries(a, x)) }
        return continuedFraction(a, x)
    }

    /// P(a, x), the lower tail.
    public static func lower(_ a: Double, _ x: Double) -> Double {
        guard a > 0, !x.isNaN, !a.isNaN else { return .nan }
        if x <= 0 { return 0 }
        if x == .infinity { return 1 }
        if x < a + 1 { return lowerSeries(a, x) }
        return max(0, 1 - continuedFraction(a, x))
    }

    /// log of x^a e^(−x) / Γ(a), the common prefactor of both expansions.
    private static func logPrefactor(_ a: Double, _ x: Double) -> Double {
        a * log(x) - x - lgamma(a)
    }

    /// Series P(a, x) = prefactor · Σ x^n / (a (a+1) … (a+n)), converging fast for x < a + 1.
    private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var ap = a
        for _ in 0..<10_000 {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * exp(logPrefactor(a, x))
    }

    /// Modified Lentz continued fraction for Q(a, x), accurate in relative terms deep in the tail (x ≥ a + 1).
    private static func continuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 10_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
            i += 1
        }
        return exp(logPrefactor(a, x)) * h
    }
}
