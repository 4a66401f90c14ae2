/// Plain sample moments (numpy's `mean` and `std` with ddof 0 or 1), by two passes for accuracy.
public enum Moments {
    /// The arithmetic mean; NaN for an empty sample.
    public static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        var s = 0.0
        for x in values { s += x }
        return s / Double(values.count)
    }

    /// The standard deviation with `ddof` degrees of freedom removed (numpy's default is 0).
    public static func standardDeviation(_ values: [Double], mean: Double? = nil, ddof: Int = 0) -> Double {
        guard values.count > ddof else { return .nan }
        let m = mean ?? Self.mean(values)
        var s = 0.0
        for x in values {
            let d = x - m
            s += d * d
        }
        return (s / Double(values.count - ddof)).squareRoot()
    }
}
