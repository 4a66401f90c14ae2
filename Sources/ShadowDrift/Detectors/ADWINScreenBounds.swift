/// A necessary condition for River's cut test, loosened by rounding margins, so that it can only reject cuts
/// River rejects too (ADWIN+Screen.swift applies it to whole rows).
///
/// With e = u0 − n0·μ (μ = T/W), River's Δ = u0/n0 − u1/n1 equals e·W/(n0·n1), and for a minimum window ≥ 1 its
/// m = 1/(n0−c) + 1/(n1−c) (c = min window − 1 ≥ 0) is at least W/(n0·n1). So a cut River accepts has
/// |e| > √(2·v·δ′·n0·n1/W) + ⅔·δ′ with v = variance/W and δ′ = log(2·log W/δ): no square root, no log, no
/// division per cut. `margin` bounds how far this e (own summation order) can be from River's (its order, its
/// running u1) — a few hundred roundings of sums bounded by Σ|bucket total| + |T| — and the constants are
/// shrunk by 10⁻⁹ for the roundings of River's own epsilon.
struct ADWINScreenBounds {
    /// Window width W.
    let w: Double
    /// 1 / W.
    let invW: Double
    /// Window mean μ = T / W.
    let mu: Double
    /// 2·v·δ′, shrunk.
    let k: Double
    /// k / W.
    let kw: Double
    /// ⅔·δ′, shrunk.
    let g: Double
    /// Bound on the rounding difference of e.
    let margin: Double
    /// margin − g.
    let offset: Double

    /// Nil when the bounds do not hold: min window < 1, δ′ not positive, or non-finite window statistics.
    init?(width w: Double, total: Double, variance: Double, sumAbs: Double, deltaPrime dp: Double,
          minWindowLength: Int) {
        guard minWindowLength >= 1, w > 1, sumAbs.isFinite else { return nil }
        let v = variance / w
        guard dp > 0, dp.isFinite, v.isFinite else { return nil }
        let shrink = 1 - 1e-9
        self.w = w
        invW = 1 / w
        mu = total / w
        k = 2 * v * dp * shrink
        kw = k / w
        g = 2.0 / 3.0 * dp * shrink
        margin = 2e-12 * (sumAbs + abs(total)) + 1e-300
        offset = margin - g
    }

    /// Whether the cut after n0 samples with prefix sum u0 passes the necessary condition.
    @inline(__always)
    func mayFire(n0: Double, u0: Double) -> Bool {
        let a = max(abs(u0 - n0 * mu) + offset, 0)
        return a * a > kw * (n0 * (w - n0))
    }
}
