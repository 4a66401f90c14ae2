import ArgumentParser
import Foundation
import ShadowConfig
import ShadowCore
import ShadowSQLite

/// `shadowctl models list`: the configured models with their current role, digest and version, every version
/// seen, and the champion alias history.
struct ModelsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Show models with versions, digests and roles, and the champion history.")

    @OptionGroup var options: ModelsOptions

    @Flag(help: "Print everything as one JSON object.")
    var json = false

    /// The `--json` output.
    struct Listing: Encodable {
        struct Configured: Encodable {
            var name: String
            var role: String
            var kind: String
            var path: String?
            var digest: String?
            var version: Int?
        }
        var config: String
        var database: String
        var models: [Configured]
        var versions: [ModelVersions.Version]
        var history: [AliasHistory.Entry]
    }

    func run() throws {
        let settings: ShadowSettings
        do {
            settings = try ConfigLoader.load(path: options.config)
        } catch {
            throw ModelsStore.fail("\(error)")
        }
        guard let path = ModelsStore.databasePath(options, settings: settings) else { throw ModelsStore.fail("no database") }
        let listing: Listing
        do {
            let db = try SQLiteDatabase.openShadowStore(path: path)
            defer { db.close() }
            let configured = settings.models.map { model in
                let found = ModelsStore.version(of: model, in: db)
                return Listing.Configured(name: model.name, role: model.role.rawValue, kind: model.kind.rawValue,
                                          path: model.path, digest: found.digest, version: found.version)
            }
            listing = Listing(config: options.config, database: path, models: configured,
                              versions: try ModelVersions.all(in: db), history: try AliasHistory.entries(in: db))
        } catch {
            throw ModelsStore.fail("\(path): \(error)")
        }
        if json {
            try PrettyJSON.print(listing)
        } else {
            print(render(listing))
        }
    }

    func render(_ listing: Listing) -> String {
        let width = TableOutput.terminalWidth()
        func short(_ digest: String?) -> SQLiteValue { digest.map { .text(String($0.prefix(12))) } ?? .null }
        func number(_ n: Int?) -> SQLiteValue { n.map { .integer(Int64($0)) } ?? .null }
        var out = "models in \(listing.config):\n"
        out += TableOutput.table(
            columns: ["name", "role", "kind", "version", "digest", "path"],
            rows: listing.models.map { m in
                [.text(m.name), .text(m.role), .text(m.kind), m.version.map { .integer(Int64($0)) } ?? .text("new"),
                 short(m.digest), m.path.map { .text($0) } ?? .null]
            }, width: width)
        out += "\nversions in \(listing.database):\n"
        out += TableOutput.table(
            columns: ["name", "version", "digest", "first_seen", "first_run", "location"],
            rows: listing.versions.map { v in
                [.text(v.name), .integer(Int64(v.version)), short(v.digest), .text(v.firstSeen),
                 v.firstRun.map { .integer($0) } ?? .null, .text(v.location)]
            }, width: width)
        out += "\nchampion history:\n"
        out += TableOutput.table(
            columns: ["id", "at", "action", "model", "version", "previous", "actor", "gate", "reason"],
            rows: listing.history.map { h in
                [.integer(h.id), .text(h.at), .text(h.action.rawValue + (h.undoes.map { " #\($0)" } ?? "")),
                 .text(h.model), number(h.version), h.previous.map { .text($0) } ?? .null, .text(h.actor),
                 .text(gate(h)), h.reason.map { .text($0) } ?? .null]
            }, width: width)
        return out.hasSuffix("\n") ? String(out.dropLast()) : out
    }

    /// `passed`, `failed (forced)` or `-` for entries without a verdict.
    func gate(_ entry: AliasHistory.Entry) -> String {
        guard let verdict = AliasHistory.verdict(of: entry) else { return "-" }
        if verdict.forced { return "failed (forced)" }
        return verdict.passed ? "passed" : "failed"
    }
}
