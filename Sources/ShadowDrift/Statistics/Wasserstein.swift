/// First Wasserstein (earth mover's) distance between two empirical distributions (scipy's `wasserstein_distance`).
public enum Wasserstein {
    /// ∫ |F_u − F_v| dx over the merged support.
    public static func distance(_ u: [Double], _ v: [Double]) -> Double {
        distanceSorted(u.sorted(), v.sorted())
    }

    /// The same for samples already sorted ascending.
    public static func distanceSorted(_ u: [Double], _ v: [Double]) -> Double {
        precondition(!u.isEmpty && !v.isEmpty)
        var i = 0, j = 0
        var total = 0.0
        let nu = Double(u.count), nv = Double(v.count)
        var previous = min(u[0], v[0])
        while i < u.count || j < v.count {
            let x: Double
            if j >= v.count || (i < u.count && u[i] <= v[j]) { x = u[i] } else { x = v[j] }
            total += abs(Double(i) / nu - Double(j) / nv) * (x - previous)
            while i < u.count && u[i] <= x { i += 1 }
            while j < v.count && v[j] <= x { j += 1 }
            previous = x
        }
        return total
    }

    /// The distance divided by the reference's standard deviation (ddof 0), as Evidently normalises it.
    public static func normalized(reference: [Double], current: [Double]) -> Double {
        distance(reference, current) / Moments.standardDeviation(reference)
    }
}
