import FoundationEssentials
import ShadowCore

/// The champion alias's history in `alias_history`: who made which model champion, when, why, and with what
/// gate verdict; rollbacks undo promotions in reverse order.
public enum AliasHistory {
    /// The alias shadowd moves.
    public static let champion = "champion"

    /// One change of the alias.
    public struct Entry: Sendable, Equatable, Codable {
        /// What happened.
        public enum Action: String, Sendable, Codable { case initial, promote, rollback }

        /// Row id (0 before it is stored).
        public var id: Int64
        /// The alias moved (`champion`).
        public var alias: String
        /// The model holding the alias after the change.
        public var model: String
        /// Its version (`model_versions`), when its digest is known.
        public var version: Int?
        /// SHA-256 of its model file at the time of the change.
        public var digest: String?
        /// The model that held the alias before.
        public var previous: String?
        /// Initial record, promotion or rollback.
        public var action: Action
        /// For a rollback: the promotion it undid.
        public var undoes: Int64?
        /// Who made the change (`$SUDO_USER`, `$USER` or the uid).
        public var actor: String
        /// When, as ISO-8601 UTC with milliseconds.
        public var at: String
        /// Why, as given with `--reason`.
        public var reason: String?
        /// The gate's verdict as JSON (`GateVerdict`), for promotions.
        public var gateJSON: String?
        /// The gate failed and `--force` overrode it.
        public var forced: Bool
        /// The config file that was rewritten.
        public var configPath: String?

        /// Creates an entry; `id` and `at` are filled in when it is stored.
        public init(id: Int64 = 0, alias: String = AliasHistory.champion, model: String, version: Int?,
                    digest: String?, previous: String?, action: Action, undoes: Int64? = nil, actor: String,
                    at: String = "", reason: String?, gateJSON: String? = nil, forced: Bool = false,
                    configPath: String?) {
            self.id = id
            self.alias = alias
            self.model = model
            self.version = version
            self.digest = digest
            self.previous = previous
            self.action = action
            self.undoes = undoes
            self.actor = actor
            self.at = at
            self.reason = reason
            self.gateJSON = gateJSON
            self.forced = forced
            self.configPath = configPath
        }
    }

    /// Every entry of `alias`, oldest first.
    public static func entries(alias: String = champion, in db: SQLiteDatabase) throws -> [Entry] {
        try db.query("""
            SELECT id, alias, model, version, digest, previous, action, undoes, actor, at, reason, gate_json, forced,
                   config_path
            FROM alias_history WHERE alias = ? ORDER BY id
            """, .text(alias)) { row in
            Entry(id: row.int64(at: 0), alias: row.text(at: 1) ?? "", model: row.text(at: 2) ?? "",
                  version: row.isNull(at: 3) ? nil : Int(row.int64(at: 3)), digest: row.text(at: 4),
                  previous: row.text(at: 5), action: Entry.Action(rawValue: row.text(at: 6) ?? "") ?? .promote,
                  undoes: row.isNull(at: 7) ? nil : row.int64(at: 7), actor: row.text(at: 8) ?? "",
                  at: row.text(at: 9) ?? "", reason: row.text(at: 10), gateJSON: row.text(at: 11),
                  forced: row.int64(at: 12) != 0, configPath: row.text(at: 13))
        }
    }

    /// Stores `entry` (stamped with the current time) and returns its id.
    @discardableResult
    public static func append(_ entry: Entry, in db: SQLiteDatabase) throws -> Int64 {
        try db.run("""
            INSERT INTO alias_history(alias, model, version, digest, previous, action, undoes, actor, at, reason,
                                      gate_json, forced, config_path)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?)
            """, .text(entry.alias), .text(entry.model), entry.version.map { .integer(Int64($0)) } ?? .null,
            entry.digest.map { .text($0) } ?? .null, entry.previous.map { .text($0) } ?? .null,
            .text(entry.action.rawValue), entry.undoes.map { .integer($0) } ?? .null, .text(entry.actor),
            entry.reason.map { .text($0) } ?? .null, entry.gateJSON.map { .text($0) } ?? .null,
            .integer(entry.forced ? 1 : 0), entry.configPath.map { .text($0) } ?? .null)
        return db.lastInsertRowID
    }

    /// The promotion a rollback would undo now: the latest one no rollback has undone yet (nil when none is left).
    public static func promotionToUndo(alias: String = champion, in db: SQLiteDatabase) throws -> Entry? {
        let all = try entries(alias: alias, in: db)
        let undone = Set(all.compactMap(\.undoes))
        return all.last { $0.action == .promote && !undone.contains($0.id) }
    }

    /// The gate verdict of a promotion entry, decoded.
    public static func verdict(of entry: Entry) -> GateVerdict? {
        guard let text = entry.gateJSON else { return nil }
        return try? JSONDecoder().decode(GateVerdict.self, from: Data(text.utf8))
    }
}
