#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Kolmogorov {
    /// P(Dₙ ≤ d) by Durbin's matrix method as Marsaglia, Tsang and Wang compute it: the k-th diagonal entry of
    /// Hⁿ times n!/nⁿ, with powers of two carried separately so nothing overflows. O(m² log n) for m = 2⌈nd⌉−1.
    static func durbinCDF(n: Int, _ d: Double) -> Double {
        if d >= 1 { return 1 }
        let nd = Double(n) * d
        if nd <= 0.5 { return 0 }
        let k = Int(nd.rounded(.up))
        let h = Double(k) - nd
        let m = 2 * k - 1
        var v = [Double](repeating: 0, count: m)
        var w = [Double](repeating: 0, count: m)
        var fac = 1.0
        for j in 1...m {
            w[j - 1] = fac
            fac /= Double(j)
            v[j - 1] = (1 - pow(h, Double(j))) * fac
        }
        let tt = pow(max(2 * h - 1, 0), Double(m)) - 2 * pow(h, Double(m))
        v[m - 1] = (1 + tt) * fac
        var hm = [Double](repeating: 0, count: m * m)
        for i in 1..<max(m, 1) {
            for r in (i - 1)..<m { hm[r * m + i] = w[r - (i - 1)] }
        }
        for r in 0..<m { hm[r * m] = v[r] }
        for c in 0..<m { hm[(m - 1) * m + c] = v[m - 1 - c] }

        let scaleExponent = 128
        let scale = ldexp(1.0, Int32(scaleExponent))
        var power = [Double](repeating: 0, count: m * m)
        for i in 0..<m { power[i * m + i] = 1 }
        var remaining = n
        var powerExponent = 0
        var hExponent = 0
        while remaining > 0 {
            if remaining % 2 == 1 {
                power = multiply(power, hm, m)
                powerExponent += hExponent
            }
            hm = multiply(hm, hm, m)
            hExponent *= 2
            if abs(hm[(k - 1) * m + (k - 1)]) > scale {
                for i in hm.indices { hm[i] /= scale }
                hExponent += scaleExponent
            }
            remaining /= 2
        }
        var p = power[(k - 1) * m + (k - 1)]
        let nDouble = Double(n)
        let small = ldexp(1.0, Int32(-scaleExponent))
        for i in 1...n {
            p = Double(i) * p / nDouble
            if abs(p) < small {
                p *= scale
                powerExponent -= scaleExponent
            }
        }
        if powerExponent != 0 { p = ldexp(p, Int32(powerExponent)) }
        return clip(p)
    }

    private static func multiply(_ a: [Double], _ b: [Double], _ m: Int) -> [Double] {
        var out = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            for l in 0..<m {
                let ail = a[i * m + l]
                if ail == 0 { continue }
                for j in 0..<m { out[i * m + j] += ail * b[l * m + j] }
            }
        }
        return out
    }

    /// P(Dₙ ≤ x) by the Pelz–Good expansion K₀ + K₁/√n + K₂/n + K₃/n^1.5 in its small-z theta-function form.
    static func pelzGoodCDF(n: Int, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let pi2 = Double.pi * Double.pi
        let pi4 = pi2 * pi2
        let pi6 = pi4 * pi2
        let sqrt2pi = (2 * Double.pi).squareRoot()
        let z = Double(n).squareRoot() * x
        let z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2
        let qlog = -pi2 / 8 / z2
        if qlog < -708 { return 0 }
        var q = exp(qlog)
        let k1a = -z2, k1b = pi2 / 4
        let k2a = 6 * z6 + 2 * z4
        let k2b = (2 * z4 - 5 * z2) * pi2 / 4
        let k2c = pi4 * (1 - 2 * z2) / 16
        let k3d = pi6 * (5 - 30 * z2) / 64
        let k3c = pi4 * (-60 * z2 + 212 * z4) / 16
        let k3b = pi2 * (135 * z4 - 96 * z6) / 4
        let k3a = -30 * z6 - 90 * z4 * z4
        var k0 = 0.0, k1 = 0.0, k2 = 0.0, k3 = 0.0
        let maxk = Int((16 * z / Double.pi).rounded(.up))
        if maxk >= 1 {
            for kk in stride(from: maxk, through: 1, by: -1) {
                let mm = Double(2 * kk - 1)
                let m2 = mm * mm, m4 = m2 * m2, m6 = m4 * m2
                let qpower = pow(q, Double(8 * kk))
                k0 = k0 * qpower + 1
                k1 = k1 * qpower + (k1a + k1b * m2)
                k2 = k2 * qpower + (k2a + k2b * m2 + k2c * m4)
                k3 = k3 * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6)
            }
        }
        let f = q * sqrt2pi
        k0 = k0 * f / z
        k1 = k1 * f / (6 * z4)
        k2 = k2 * f / (72 * pow(z, 7))
        k3 = k3 * f / (6480 * pow(z, 10))
        q = exp(-pi2 / 2 / z2)
        var sum2 = 0.0, sum3 = 0.0
        let sqrt3z = 3.0.squareRoot() * z
        if maxk >= 1 {
            for kk in stride(from: maxk, through: 1, by: -1) {
                let kd = Double(kk)
                let ksq = kd * kd
                let qp = pow(q, ksq)
                sum2 += ksq * qp
                let kspi = Double.pi * kd
                sum3 += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp
            }
        }
        k2 += sum2 * pi2 * sqrt2pi / (-36 * z3)
        k3 += sum3 * pi2 * sqrt2pi / (216 * z6)
        let nd = Double(n)
        return k0 + k1 / nd.squareRoot() + k2 / nd + k3 / pow(nd, 1.5)
    }
}
