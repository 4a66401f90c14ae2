/// A χ² statistic with its degrees of freedom and upper-tail p-value.
public struct ChiSquareResult: Sendable, Hashable, Codable {
    /// The statistic.
    public var statistic: Double
    /// Degrees of freedom.
    public var dof: Int
    /// Q(dof/2, statistic/2).
    public var pValue: Double
}

/// Pearson χ² tests for categorical drift.
public enum ChiSquare {
    /// Goodness of fit of current counts to reference proportions (Evidently's `chisquare` test): expected =
    /// reference count · (current total / reference total); categories with zero expected count are skipped.
    public static func goodnessOfFit(referenceCounts: [Int], currentCounts: [Int]) -> ChiSquareResult {
        precondition(referenceCounts.count == currentCounts.count)
        let scale = Double(currentCounts.reduce(0, +)) / Double(referenceCounts.reduce(0, +))
        var stat = 0.0
        for i in referenceCounts.indices {
            let expected = Double(referenceCounts[i]) * scale
            let diff = Double(currentCounts[i]) - expected
            stat += diff * diff / expected
        }
        let dof = referenceCounts.count - 1
        return ChiSquareResult(statistic: stat, dof: dof, pValue: pValue(stat, dof: dof))
    }

    /// Test of independence on the 2×k table [reference; current] (scipy's `chi2_contingency`); Yates'
    /// correction applies only when dof = 1 and `yates` is true. Empty columns are dropped.
    public static func contingency(referenceCounts: [Int], currentCounts: [Int], yates: Bool = true) -> ChiSquareResult {
        precondition(referenceCounts.count == currentCounts.count)
        let columns = referenceCounts.indices.filter { referenceCounts[$0] + currentCounts[$0] > 0 }
        let rows = [columns.map { Double(referenceCounts[$0]) }, columns.map { Double(currentCounts[$0]) }]
        let rowTotals = rows.map { $0.reduce(0, +) }
        let grand = rowTotals.reduce(0, +)
        let dof = max(0, columns.count - 1)
        if dof == 0 { return ChiSquareResult(statistic: 0, dof: 0, pValue: 1) }
        var stat = 0.0
        for c in columns.indices {
            let columnTotal = rows[0][c] + rows[1][c]
            for r in 0..<2 {
                let expected = rowTotals[r] * columnTotal / grand
                var diff = rows[r][c] - expected
                if yates && dof == 1 {
                    let magnitude = min(0.5, abs(diff))
                    diff = abs(diff) - magnitude
                }
                stat += diff * diff / expected
            }
        }
        return ChiSquareResult(statistic: stat, dof: dof, pValue: pValue(stat, dof: dof))
    }

    /// The upper-tail probability of χ²(dof) at x.
    public static func pValue(_ x: Double, dof: Int) -> Double {
        IncompleteGamma.upper(Double(dof) / 2, x / 2)
    }
}
