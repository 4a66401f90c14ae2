#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One feature's value buckets. Bucket 0 is `missing` (null, absent or non-numeric without a string).
///
/// Numeric: quantile edges e₀ < e₁ < … split the line into `(-inf, e₀)`, `[e₀, e₁)`, …, `[eₙ, inf)` (buckets 1…n+1).
/// Categorical: bucket 1 is `other`, then one bucket per value (numbers and strings), added as they are first seen
/// until `maxCategories` values exist.
struct FeatureScheme: Sendable {
    /// Whether the feature is cut into ranges or counted per value.
    enum Kind: Sendable, Equatable { case numeric, categorical }

    let kind: Kind
    private(set) var edges: [Double] = []
    /// Categorical numbers and their buckets, in order of arrival.
    private(set) var numbers: [(value: Double, bucket: Int)] = []
    private(set) var strings: [String: Int] = [:]
    private(set) var labels: [String]
    private(set) var lower: [Double?]
    private(set) var upper: [Double?]
    let maxCategories: Int

    /// Ranges between `edges` (sorted, distinct).
    init(edges: [Double]) {
        kind = .numeric
        self.edges = edges
        maxCategories = 0
        labels = ["missing"]
        lower = [nil]
        upper = [nil]
        for k in 0...edges.count {
            let lo = k == 0 ? nil : edges[k - 1], hi = k == edges.count ? nil : edges[k]
            labels.append((lo.map { "[" + Self.format($0) } ?? "(-inf") + ", " + (hi.map(Self.format) ?? "inf") + ")")
            lower.append(lo)
            upper.append(hi)
        }
    }

    /// Categories seeded with `numbers` and `strings` (in that order), growing to `maxCategories`.
    init(categories numbers: [Double], strings: [String], maxCategories: Int) {
        kind = .categorical
        self.maxCategories = maxCategories
        labels = ["missing", "other"]
        lower = [nil, nil]
        upper = [nil, nil]
        for x in numbers { _ = add(number: x) }
        for s in strings { _ = add(string: s) }
    }

    var count: Int { labels.count }

    /// The bucket of a value (`string` is the record's string for this slot when `value` is NaN).
    @inline(__always)
    mutating func bucket(_ value: Double, string: @autoclosure () -> String?) -> Int {
        if value.isNaN {
            guard kind == .categorical, let s = string() else { return 0 }
            return strings[s] ?? add(string: s)
        }
        if kind == .numeric {
            var lo = 0, hi = edges.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if edges[mid] <= value { lo = mid + 1 } else { hi = mid }
            }
            return lo + 1
        }
        for entry in numbers where entry.value == value { return entry.bucket }
        return add(number: value)
    }

    private mutating func add(number: Double) -> Int {
        guard labels.count - 2 < maxCategories else { return 1 }
        labels.append(Self.format(number))
        lower.append(number)
        upper.append(number)
        numbers.append((number, labels.count - 1))
        return labels.count - 1
    }

    private mutating func add(string: String) -> Int {
        guard labels.count - 2 < maxCategories else { return 1 }
        labels.append(string)
        lower.append(nil)
        upper.append(nil)
        strings[string] = labels.count - 1
        return labels.count - 1
    }

    /// A value as a bucket label: integers without a fraction, others in Swift's shortest form.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// `x` rounded to 3 significant digits (bucket edges are read by people).
    static func round3(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        let scale = pow(10, 2 - floor(log10(abs(x))))
        let rounded = (x * scale).rounded() / scale
        return rounded.isFinite ? rounded : x
    }
}
