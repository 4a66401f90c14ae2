import ArgumentParser
import ShadowSQLite

/// `shadowctl query buckets`: where disagreements concentrate, per feature value bucket (the bucket_lift and
/// feature_lift views).
struct QueryBucketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buckets", abstract: "Disagreement share and lift per feature value bucket, or the top features.",
        discussion: """
            Numeric features are cut at deciles of a run's first 4,096 records (edges rounded to 3 significant \
            digits); features with at most 16 distinct values (or any string) get one bucket per value, then \
            'other'; 'missing' holds null and absent values. share is the bucket's part of the shadow's \
            disagreements (label flips with --kind label_flip), record_share its part of the records (every 4th \
            record is counted; records is that count × 4), lift their ratio: "share 0.70, lift 2.8" reads "70% of \
            the label flips have this value, 2.8 times its share of traffic". Buckets under --min-share of the \
            records are left out. --features ranks features by skew, the total variation distance between the \
            disagreements' and the records' bucket mix, with each feature's highest-lift bucket.
            """)

    @OptionGroup var options: QueryOptions

    @Option(help: "Only this shadow (or replica) model.")
    var shadow: String?

    @Option(help: "Only this feature.")
    var feature: String?

    @Option(help: "Count only this kind: label_flip (default: every disagreement).")
    var kind: String?

    @Flag(help: "One row per feature: the features whose values explain the disagreements best first.")
    var features = false

    @Option(help: "Leave out buckets with less than this share of the records (0…1).")
    var minShare: Double = 0.01

    func validate() throws {
        if let kind, kind != "label_flip" {
            throw ValidationError("--kind must be label_flip (buckets count disagreements and label flips), got '\(kind)'")
        }
        guard (0...1).contains(minShare) else { throw ValidationError("--min-share must be within 0…1, got \(minShare)") }
    }

    func run() throws {
        try QueryPlanned.print(options: options) { db in
            try BucketQuery(run: try options.run?.resolve(db), shadow: shadow, feature: feature,
                            labelFlips: kind == "label_flip", perFeature: features, minShare: minShare,
                            limit: options.limit, rounded: options.format == .table).run(on: db)
        }
    }
}
