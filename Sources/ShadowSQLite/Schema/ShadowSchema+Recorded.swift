extension ShadowSchema {
    /// Recorded production answers: a disagreement row keeps what production answered for the record (the log's
    /// `recorded` value as JSON), beside the champion's and the shadow's replayed outputs. The per-model
    /// comparison with the recorded answers is part of `runs.summary_json` (`recorded`).
    static let version8 = SchemaMigration(version: 8, name: "recorded", sql: """
        ALTER TABLE disagreements ADD COLUMN recorded TEXT;
        """)
}
