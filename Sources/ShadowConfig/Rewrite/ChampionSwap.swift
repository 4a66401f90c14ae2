import ShadowCore

/// Moves the champion alias in a config file: the named shadow becomes champion and the champion becomes a
/// shadow, by editing only their two `role` lines, checked by a full config load before anything is written.
public enum ChampionSwap {
    /// A swap worked out but not yet written.
    public struct Plan: Sendable, Equatable {
        /// The config file as named.
        public var path: String
        /// Its text when the plan was made (the write refuses if the file no longer holds it).
        public var original: String
        /// The text to write.
        public var rewritten: String
        /// The model that becomes champion.
        public var newChampion: ModelSettings
        /// The champion that becomes a shadow.
        public var oldChampion: ModelSettings
        /// The config as it will read after the swap.
        public var settings: ShadowSettings
    }

    /// Plans making `name` champion in the config at `path`. Refuses a model that is missing, already champion
    /// or a replica, and a rewrite that would not load.
    public static func plan(path: String, champion name: String) throws -> Plan {
        let text = try ConfigFile.text(at: path)
        let base = ConfigPath.directory(of: ConfigFile.absolute(path))
        let before = try ConfigLoader.parse(text, file: path, baseDirectory: base)
        guard let current = before.champion else {
            throw RewriteError(.unknownModel, file: path, keyPath: "models", "the config has no champion")
        }
        guard let target = before.models.first(where: { $0.name == name }) else {
            let known = before.models.map(\.name).joined(separator: ", ")
            throw RewriteError(.unknownModel, file: path, keyPath: "models",
                               "no model is named \"\(name)\" (models: \(known))")
        }
        switch target.role {
        case .champion:
            throw RewriteError(.unknownModel, file: path, keyPath: "models", "\(name) is already the champion")
        case .replica:
            throw RewriteError(.unknownModel, file: path, keyPath: "models",
                               "\(name) is a replica (the champion's noise-floor copy), not a shadow")
        case .shadow:
            break
        }
        let rewritten = try RoleRewrite.rewrite(text, file: path, roles: [name: .champion, current.name: .shadow])
        let after = try ConfigLoader.parse(rewritten, file: path, baseDirectory: base)
        guard after.champion?.name == name else {
            throw RewriteError(.verifyFailed, file: path, "the rewritten config does not make \(name) champion")
        }
        return Plan(path: path, original: text, rewritten: rewritten, newChampion: target, oldChampion: current,
                    settings: after)
    }

    /// Writes the plan atomically; refuses when the file changed since the plan was made. `beforeRename` runs
    /// just before the rename (an error it throws leaves the file as it was).
    public static func commit(_ plan: Plan, beforeRename: () throws -> Void = {}) throws {
        try AtomicFile.replace(path: plan.path, with: plan.rewritten, expecting: plan.original,
                               beforeRename: beforeRename)
    }
}
