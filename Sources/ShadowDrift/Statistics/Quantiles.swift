/// Sample quantiles with numpy's default `method='linear'` (Hyndman–Fan type 7), bit for bit.
public enum Quantiles {
    /// The q-quantile of an ascending sample: virtual index (n−1)·q, then numpy's two-sided lerp.
    public static func linear(sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty)
        let n = sorted.count
        let v = Double(n - 1) * q
        if v >= Double(n - 1) { return sorted[n - 1] }
        if v < 0 { return sorted[0] }
        let lower = v.rounded(.down)
        let i = Int(lower)
        let t = v - lower
        let a = sorted[i], b = sorted[i + 1]
        let diff = b - a
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
    }

    /// The k − 1 inner edges of k equal-probability bins: quantiles at `np.linspace(1/k, (k−1)/k, k−1)`.
    public static func innerEdges(sorted: [Double], bins k: Int) -> [Double] {
        precondition(k >= 2)
        let count = k - 1
        let start = 1 / Double(k), stop = Double(k - 1) / Double(k)
        let step = count > 1 ? (stop - start) / Double(count - 1) : 0
        return (0..<count).map { i in
            let q = i == count - 1 ? stop : Double(i) * step + start
            return linear(sorted: sorted, q)
        }
    }

    /// The bin of x among inner edges: the number of edges ≤ x (bins [eᵢ, eᵢ₊₁), outer bins open-ended).
    @inlinable
    public static func bin(of x: Double, innerEdges e: [Double]) -> Int {
        var lo = 0, hi = e.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if e[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
