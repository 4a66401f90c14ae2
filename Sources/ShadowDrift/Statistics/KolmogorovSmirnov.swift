/// How a two-sample KS p-value is computed (scipy's `ks_2samp` `method`).
public enum KSMethod: String, Sendable, Codable, CaseIterable {
    /// Exact when both samples have at most 10 000 values, else asymptotic (scipy's default).
    case auto
    /// The exact distribution of the lattice-path statistic; falls back to asymptotic when it cannot be computed.
    case exact
    /// `kstwo.sf(D, round(n·m/(n+m)))`, scipy's asymptotic choice.
    case asymptotic
}

/// The result of a two-sample Kolmogorov–Smirnov test.
public struct KSResult: Sendable, Hashable, Codable {
    /// The statistic D = max |F₁ − F₂| as the exact ratio h / lcm(n₁, n₂).
    public var statistic: Double
    /// The numerator h of D over lcm(n₁, n₂).
    public var latticeDistance: Int
    /// The p-value by the method actually used.
    public var pValue: Double
    /// The method actually used (never `.auto`).
    public var method: KSMethod
    /// Sample sizes.
    public var n1: Int, n2: Int

    /// The effective size n₁·n₂/(n₁+n₂).
    public var effectiveN: Double { Double(n1) * Double(n2) / Double(n1 + n2) }
}

/// Two-sample Kolmogorov–Smirnov test with scipy's exact and asymptotic p-values and two classic approximations.
public enum KolmogorovSmirnov {
    /// Runs the two-sided test on two unsorted samples (NaNs must be removed by the caller).
    public static func test(_ reference: [Double], _ current: [Double], method: KSMethod = .auto) -> KSResult {
        testSorted(reference.sorted(), current.sorted(), method: method)
    }

    /// Runs the two-sided test on two samples already sorted ascending.
    public static func testSorted(_ a: [Double], _ b: [Double], method: KSMethod = .auto) -> KSResult {
        let n1 = a.count, n2 = b.count
        precondition(n1 > 0 && n2 > 0, "KS needs two non-empty samples")
        let h = latticeDistance(sortedA: a, sortedB: b)
        let g = gcd(n1, n2)
        let lcm = (n1 / g) * n2
        let d = Double(h) / Double(lcm)
        var mode = method
        if mode == .auto { mode = max(n1, n2) <= 10_000 ? .exact : .asymptotic }
        if mode == .exact, (n1 / g) >= Int(Int32.max) / (n2 / g) { mode = .asymptotic }
        if mode == .exact, let p = exactPValue(n1: n1, n2: n2, latticeDistance: h) {
            return KSResult(statistic: d, latticeDistance: h, pValue: p, method: .exact, n1: n1, n2: n2)
        }
        let p = asymptoticPValue(statistic: d, n1: n1, n2: n2)
        return KSResult(statistic: d, latticeDistance: h, pValue: p, method: .asymptotic, n1: n1, n2: n2)
    }

    /// max over x of |c₁(x)·(n₂/g) − c₂(x)·(n₁/g)|, i.e. D·lcm(n₁, n₂) computed in integers.
    public static func latticeDistance(sortedA a: [Double], sortedB b: [Double]) -> Int {
        let g = gcd(a.count, b.count)
        let wa = b.count / g, wb = a.count / g
        var i = 0, j = 0, best = 0
        while i < a.count || j < b.count {
            let x: Double
            if j >= b.count || (i < a.count && a[i] <= b[j]) { x = a[i] } else { x = b[j] }
            while i < a.count && a[i] <= x { i += 1 }
            while j < b.count && b[j] <= x { j += 1 }
            best = max(best, abs(i * wa - j * wb))
        }
        return best
    }

    /// The exact two-sided p-value P(D ≥ h/lcm) for sample sizes n₁, n₂; nil when floating point cannot hold it.
    public static func exactPValue(n1: Int, n2: Int, latticeDistance h: Int) -> Double? {
        if h == 0 { return 1 }
        let p = n1 == n2 ? probabilityOutsideSquare(n: n1, h: h)
            : outerProbabilityInside(m: n1, n: n2, g: gcd(n1, n2), h: h)
        guard p.isFinite, p >= 0, p <= 1 else { return nil }
        return p
    }

    /// scipy's asymptotic p-value: the finite-n two-sided law `kstwo.sf(D, round(en))`.
    public static func asymptoticPValue(statistic d: Double, n1: Int, n2: Int) -> Double {
        let m = Double(max(n1, n2)), n = Double(min(n1, n2))
        let en = (m * n / (m + n)).rounded(.toNearestOrEven)
        return Kolmogorov.twoSidedSF(n: Int(en), d)
    }

    /// The Kolmogorov limit `kolmogorov(√en · D)`.
    public static func kolmogorovLimitPValue(statistic d: Double, n1: Int, n2: Int) -> Double {
        let en = Double(n1) * Double(n2) / Double(n1 + n2)
        return Kolmogorov.limitSF(en.squareRoot() * d)
    }

    /// Numerical Recipes' `probks((√en + 0.12 + 0.11/√en) · D)`.
    public static func numericalRecipesPValue(statistic d: Double, n1: Int, n2: Int) -> Double {
        let s = (Double(n1) * Double(n2) / Double(n1 + n2)).squareRoot()
        return Kolmogorov.limitSF((s + 0.12 + 0.11 / s) * d)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
