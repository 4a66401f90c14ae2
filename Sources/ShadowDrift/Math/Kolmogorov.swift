#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Distribution functions of the Kolmogorov–Smirnov statistics: the limiting law, the one-sided exact law
/// (scipy's `smirnov`) and the two-sided exact law for finite n (scipy's `kstwo`).
public enum Kolmogorov {
    /// Survival function of the limiting Kolmogorov distribution, P(√n·Dₙ > y) as n → ∞ (scipy's `kolmogorov`).
    public static func limitSF(_ y: Double) -> Double {
        if y.isNaN { return .nan }
        if y <= 0 { return 1 }
        if y < 1 {
            // Jacobi-theta form: CDF = √(2π)/y · Σ_{k≥1} exp(−(2k−1)² π² / (8 y²)).
            let w = Double.pi * Double.pi / (8 * y * y)
            var cdf = 0.0
            var k = 1.0
            while k < 200 {
                let term = exp(-(2 * k - 1) * (2 * k - 1) * w)
                cdf += term
                if term < 1e-300 || term < cdf * 1e-17 { break }
                k += 1
            }
            cdf *= (2 * Double.pi).squareRoot() / y
            return min(1, max(0, 1 - cdf))
        }
        // Alternating series 2 Σ (−1)^(k−1) exp(−2 k² y²), summed from the small end for relative accuracy.
        var terms: [Double] = []
        var k = 1.0
        while k < 200 {
            let term = exp(-2 * k * k * y * y)
            if term == 0 { break }
            terms.append(term)
            if term < 1e-17 * terms[0] { break }
            k += 1
        }
        var sum = 0.0
        for (index, term) in terms.enumerated().reversed() {
            sum += index % 2 == 0 ? term : -term
        }
        return min(1, max(0, 2 * sum))
    }

    /// One-sided exact survival function P(Dₙ⁺ ≥ x) (Smirnov–Birnbaum–Tingey), summed in log space.
    public static func smirnovSF(n: Int, _ x: Double) -> Double {
        if x.isNaN || n <= 0 { return .nan }
        if x <= 0 { return 1 }
        if x >= 1 { return 0 }
        let nd = Double(n)
        let last = Int((nd * (1 - x)).rounded(.down))
        let lgn1: Double = lgamma(nd + 1)
        var logs: [Double] = []
        logs.reserveCapacity(last + 1)
        for j in 0...max(0, last) {
            let jd = Double(j)
            let a = x + jd / nd
            let b = 1 - a
            if b <= 0 && n - j > 0 { continue }
            let lj: Double = lgamma(jd + 1), lr: Double = lgamma(nd - jd + 1)
            var l = lgn1 - lj - lr
            l += (jd - 1) * log(a)
            if n - j > 0 { l += (nd - jd) * log(b) }
            logs.append(l)
        }
        guard let top = logs.max() else { return 0 }
        var sum = 0.0
        for l in logs { sum += exp(l - top) }
        return min(1, max(0, x * exp(top) * sum))
    }

    /// Survival function of the two-sided statistic Dₙ for finite n, following scipy's `kstwo.sf` case split
    /// (Simard & L'Ecuyer): Ruben–Gambino edges, 2·smirnov in the tail, Durbin's matrix or Pelz–Good in between.
    public static func twoSidedSF(n: Int, _ x: Double) -> Double {
        if x.isNaN || n <= 0 { return .nan }
        if x >= 1 { return 0 }
        if x <= 0 { return 1 }
        let nd = Double(n)
        let t = nd * x
        if t <= 1 {
            if t <= 0.5 { return 1 }
            let cdf: Double
            if n <= 140 {
                var p = 1.0
                for i in 1...n { p *= Double(i) * (1 / nd) * (2 * t - 1) }
                cdf = p
            } else {
                cdf = exp(logFactorialOverPower(n) + nd * log(2 * t - 1))
            }
            return clip(1 - cdf)
        }
        if t >= nd - 1 { return clip(2 * pow(1 - x, nd)) }
        if x >= 0.5 { return clip(2 * smirnovSF(n: n, x)) }
        let nxx = t * x
        if n <= 140 {
            if nxx <= 4 { return clip(1 - durbinCDF(n: n, x)) }
            return clip(2 * smirnovSF(n: n, x))
        }
        if nxx >= 370 { return 0 }
        if nxx >= 2.2 { return clip(2 * smirnovSF(n: n, x)) }
        if nxx >= 18 { return 0 }
        if n <= 100_000 && nd * pow(x, 1.5) <= 1.4 { return clip(1 - durbinCDF(n: n, x)) }
        return clip(1 - pelzGoodCDF(n: n, x))
    }

    static func clip(_ p: Double) -> Double { min(1, max(0, p)) }

    /// log(n! / nⁿ) by Stirling's series with the n·log n term removed up front.
    static func logFactorialOverPower(_ n: Int) -> Double {
        let coefficients = [
            -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
            8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
            -2.7777777777777777778e-3, 8.3333333333333333333e-2,
        ]
        let nd = Double(n)
        let rn = 1 / nd
        let z = rn / nd
        var poly = 0.0
        for c in coefficients { poly = poly * z + c }
        return log(nd) / 2 - nd + log(2 * Double.pi) / 2 + rn * poly
    }
}
