extension KolmogorovSmirnov {
    /// P(D_{n,n} ≥ h/n): 2·(A₀(1 − A₁(1 − A₂(…)))) with Aₖ = C(2n, n−kh)/C(2n, n−(k−1)h), a Horner form free of
    /// the cancellation in the alternating binomial sum.
    static func probabilityOutsideSquare(n: Int, h: Int) -> Double {
        var p = 0.0
        var k = n / h
        while k >= 0 {
            var p1 = 1.0
            for j in 0..<h {
                p1 = Double(n - k * h - j) * p1 / Double(n + k * h + j + 1)
            }
            p = p1 * (1 - p)
            k -= 1
        }
        return 2 * p
    }

    /// 1 − (paths staying strictly inside |x/m − y/n| < h/lcm) / C(m+n, n), computed column by column as a
    /// probability directly (Hodges' inside method in Viehmann's 1 − p form), for unequal sample sizes.
    static func outerProbabilityInside(m mIn: Int, n nIn: Int, g: Int, h: Int) -> Double {
        let m = max(mIn, nIn), n = min(mIn, nIn)
        let mg = m / g, ng = n / g
        var minj = 0
        var maxj = min(ceilDiv(h, mg), n + 1)
        var curlen = maxj - minj
        let lenA = min(2 * maxj + 2, n + 1)
        var a = [Double](repeating: 1, count: max(lenA, 1))
        for j in minj..<maxj where j < a.count { a[j] = 0 }
        for i in 1...m {
            let lastminj = minj, lastlen = curlen
            minj = max(floorDiv(ng * i - h, mg) + 1, 0)
            minj = min(minj, n)
            maxj = min(ceilDiv(ng * i + h, mg), n + 1)
            if maxj <= minj { return 1 }
            var val = minj == 0 ? 0.0 : 1.0
            let di = Double(i)
            for jj in 0..<(maxj - minj) {
                let j = Double(jj + minj)
                val = (a[jj + minj - lastminj] * di + val * j) / (di + j)
                a[jj] = val
            }
            curlen = maxj - minj
            if lastlen > curlen {
                for index in (maxj - minj)..<(maxj - minj + lastlen - curlen) where index < a.count { a[index] = 1 }
            }
        }
        return a[maxj - minj - 1]
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }
}
