/// `shadowctl query buckets`: where a shadow's disagreements concentrate, from the `bucket_lift` view (one row per
/// feature value bucket: its share of records, of disagreements, and the lift = the ratio of the two) or the
/// `feature_lift` view (one row per feature: how far its disagreements' bucket mix is from its records' — total
/// variation — and its bucket with the highest lift).
public struct BucketQuery: Sendable {
    /// Only this run (nil: every run).
    public var run: Int64?
    /// Only this shadow.
    public var shadow: String?
    /// Only this feature.
    public var feature: String?
    /// Count label flips only (`label_flip`) or every disagreement (nil).
    public var labelFlips: Bool
    /// One row per feature instead of per bucket.
    public var perFeature: Bool
    /// Leave out buckets holding less than this share of the records (their lift is noise).
    public var minShare: Double
    /// At most this many rows (0: all).
    public var limit: Int
    /// Whether numbers are rounded for a table (JSON and CSV keep them exact).
    public var rounded: Bool

    /// A bucket query.
    public init(run: Int64?, shadow: String? = nil, feature: String? = nil, labelFlips: Bool = false,
                perFeature: Bool = false, minShare: Double = 0.01, limit: Int = 0, rounded: Bool = false) {
        self.run = run
        self.shadow = shadow
        self.feature = feature
        self.labelFlips = labelFlips
        self.perFeature = perFeature
        self.minShare = minShare
        self.limit = limit
        self.rounded = rounded
    }

    /// The SQL and its values.
    public var statement: (sql: String, values: [SQLiteValue]) {
        var filters: [String] = []
        var values: [SQLiteValue] = []
        if let run { filters.append("run_id = ?"); values.append(.integer(run)) }
        if let shadow { filters.append("shadow = ?"); values.append(.text(shadow)) }
        if let feature { filters.append("feature = ?"); values.append(.text(feature)) }
        func r(_ expression: String, _ digits: Int) -> String { rounded ? "round(\(expression), \(digits))" : expression }
        let what = labelFlips ? "label flips" : "disagreements"
        let select: String
        let order: String
        if perFeature {
            let (count, skew, bucket, lift, share) = labelFlips
                ? ("label_flips", "flip_skew", "top_flip_bucket", "top_flip_lift", "top_flip_share")
                : ("disagreements", "skew", "top_bucket", "top_lift", "top_share")
            let recordShare = labelFlips ? "top_flip_record_share" : "top_record_share"
            select = """
                SELECT run_id AS run, shadow, feature, records, \(count), \(r(skew, 4)) AS skew,
                       \(bucket) AS top_bucket, \(r(share, 4)) AS share, \(r(recordShare, 4)) AS record_share,
                       \(r(lift, 3)) AS lift,
                       printf('%.0f%% of \(what) have %s %s %s (%.0f%% of records)', 100.0 * \(share), feature,
                              CASE WHEN substr(\(bucket), 1, 1) IN ('[', '(') THEN 'in' ELSE '=' END, \(bucket),
                              100.0 * \(recordShare)) AS finding
                FROM feature_lift
                """
            order = "run_id, shadow, \(skew) IS NULL, \(skew) DESC, feature"
        } else {
            let (count, share, lift) = labelFlips
                ? ("label_flips", "flip_share", "flip_lift") : ("disagreements", "disagreement_share", "lift")
            filters.append("record_share >= ?")
            values.append(.double(minShare))
            select = """
                SELECT run_id AS run, shadow, feature, bucket, records, \(r("record_share", 4)) AS record_share,
                       \(count), \(r(share, 4)) AS share, \(r("CAST(\(count) AS REAL) / max(records, 1)", 4)) AS rate,
                       \(r(lift, 3)) AS lift
                FROM bucket_lift
                """
            order = feature == nil ? "run_id, shadow, \(lift) IS NULL, \(lift) DESC, feature, position"
                : "run_id, shadow, position"
        }
        return (select + (filters.isEmpty ? "" : " WHERE " + filters.joined(separator: " AND ")) + " ORDER BY "
                + order + (limit > 0 ? " LIMIT \(limit)" : ""), values)
    }

    /// Runs the query.
    public func run(on db: SQLiteDatabase) throws -> QueryTable {
        let (sql, values) = statement
        return try QueryTable.run(sql, values: values, on: db)
    }
}
