/// Distances between two categorical distributions given as counts in the same category order.
public enum CategoryDistance {
    /// L∞: the largest absolute difference between reference and current shares.
    public static func lInfinity(referenceCounts: [Int], currentCounts: [Int]) -> Double {
        let r = PSI.shares(referenceCounts, total: referenceCounts.reduce(0, +))
        let c = PSI.shares(currentCounts, total: currentCounts.reduce(0, +))
        var best = 0.0
        for i in r.indices { best = max(best, abs(r[i] - c[i])) }
        return best
    }

    /// Jensen–Shannon distance between the two share vectors.
    public static func jensenShannon(referenceCounts: [Int], currentCounts: [Int], base: LogBase = .e) -> Double {
        JensenShannon.distance(referenceCounts.map(Double.init), currentCounts.map(Double.init), base: base)
    }
}
