import ShadowCore

/// Reads `model_versions`: every model file or endpoint each name has had, numbered by first appearance.
public enum ModelVersions {
    /// One version of a named model.
    public struct Version: Sendable, Equatable, Codable {
        /// The model's name.
        public var name: String
        /// 1 for the first digest seen under the name, then counting up.
        public var version: Int
        /// The model kind.
        public var kind: String
        /// The model file or endpoint when first seen.
        public var location: String
        /// SHA-256 of the model file.
        public var digest: String
        /// When a run first used it (ISO-8601 UTC).
        public var firstSeen: String
        /// The run that first used it (nil once that run is deleted).
        public var firstRun: Int64?
    }

    /// Every version, by name then version.
    public static func all(in db: SQLiteDatabase) throws -> [Version] {
        try db.query("""
            SELECT name, version, kind, location, digest, first_seen, first_run FROM model_versions
            ORDER BY name, version
            """) { row in
            Version(name: row.text(at: 0) ?? "", version: Int(row.int64(at: 1)), kind: row.text(at: 2) ?? "",
                    location: row.text(at: 3) ?? "", digest: row.text(at: 4) ?? "",
                    firstSeen: row.text(at: 5) ?? "", firstRun: row.isNull(at: 6) ? nil : row.int64(at: 6))
        }
    }

    /// The version number of `name` with `digest`, if a run has used it.
    public static func version(name: String, digest: String, in db: SQLiteDatabase) throws -> Int? {
        try db.scalar("SELECT version FROM model_versions WHERE name = ? AND digest = ?", .text(name),
                      .text(digest))?.intValue
    }
}
