import ShadowCore

/// `[[models]]`: names, roles, kinds, model files, timeouts and input order.
extension ConfigLoader {
    /// Kinds this build can run.
    static let supportedKinds: Set<ModelSettings.Kind> = [.xgboost, .lightgbm, .linear, .http, .process]
    /// Kinds read from a model file (`path`).
    static let fileKinds: Set<ModelSettings.Kind> = [.xgboost, .lightgbm, .linear]

    static func readModels(_ root: ConfigTableReader, baseDirectory: String) -> [ModelSettings] {
        guard root.table["models"] != nil else {
            root.diagnostics.report(line: 0, keyPath: "models",
                                    "no [[models]] entry (exactly one model with role \"champion\" is required)")
            return []
        }
        guard let entries = root.tables("models") else { return [] }
        guard !entries.isEmpty else {
            if root.table["models"]?.array?.isEmpty == true {
                root.report("models", "no [[models]] entry (exactly one model with role \"champion\" is required)")
            }
            return []
        }
        var models: [ModelSettings] = []
        var nameLines: [String: Int] = [:]
        var champion: (name: String, line: Int)?
        var rolesKnown = true
        for entry in entries {
            entry.rejectUnknownKeys(known: ConfigKeys.model + httpModelKeys + processModelKeys)
            let name = readModelName(entry, seen: &nameLines)
            let role = entry.choice("role", ModelRole.self)
            if role == nil {
                rolesKnown = false
                if entry.table["role"] == nil { entry.reportMissing("role") }
            }
            if role == .champion {
                if let first = champion {
                    entry.report("role", "only one model may be the champion, and \"\(first.name)\" (line "
                        + "\(first.line)) already is")
                } else {
                    champion = (name ?? entry.path, entry.table["role"]?.line ?? entry.line)
                }
            }
            let kind = readModelKind(entry)
            let path = readModelPath(entry, kind: kind, baseDirectory: baseDirectory)
            let timeout = entry.integer("timeout_ms", in: 1...Int.max)
            let features = readNameList(entry, "features", noun: "feature")
            let http = readHTTPModel(entry, kind: kind, name: name, baseDirectory: baseDirectory)
            let process = readProcessModel(entry, kind: kind, baseDirectory: baseDirectory)
            guard let name, let role, let kind else { continue }
            var model = ModelSettings(name: name, role: role, kind: kind, path: path, features: features, http: http,
                                      process: process)
            if let timeout { model.timeoutMs = timeout }
            models.append(model)
        }
        if champion == nil, rolesKnown {
            root.diagnostics.report(line: entries[0].line, keyPath: "models",
                                    "no model has role \"champion\" (exactly one is required)")
        }
        return models
    }

    private static func readModelName(_ entry: ConfigTableReader, seen: inout [String: Int]) -> String? {
        guard entry.table["name"] != nil else {
            entry.reportMissing("name")
            return nil
        }
        guard let name = entry.string("name") else { return nil }
        let valid = !name.isEmpty && name.utf8.allSatisfy {
            TOMLKeyPath.isBareKeyByte($0) || $0 == UInt8(ascii: ".")
        }
        guard valid else {
            entry.report("name", "\(ConfigTableReader.quote(name)) is not a valid model name (use letters, digits, "
                + "\"_\", \".\" and \"-\")")
            return nil
        }
        let line = entry.table["name"]?.line ?? entry.line
        if let first = seen[name] {
            entry.report("name", "duplicate model name \"\(name)\" (first used at line \(first))")
            return nil
        }
        seen[name] = line
        return name
    }

    private static func readModelKind(_ entry: ConfigTableReader) -> ModelSettings.Kind? {
        guard entry.table["kind"] != nil else {
            entry.reportMissing("kind")
            return nil
        }
        guard let kind = entry.choice("kind", ModelSettings.Kind.self) else { return nil }
        guard supportedKinds.contains(kind) else {
            entry.report("kind", "\"\(kind.rawValue)\" is not supported yet by this build")
            return nil
        }
        return kind
    }

    private static func readModelPath(_ entry: ConfigTableReader, kind: ModelSettings.Kind?,
                                      baseDirectory: String) -> String? {
        guard entry.table["path"] != nil else {
            if let kind, fileKinds.contains(kind) {
                entry.reportMissing("path", "required for kind \"\(kind.rawValue)\" (the model file)")
            }
            return nil
        }
        return readFilePath(entry, "path", baseDirectory: baseDirectory)
    }

    /// A file path: non-empty, no `~`; resolved against the config's folder when relative.
    static func readFilePath(_ table: ConfigTableReader, _ key: String, baseDirectory: String) -> String? {
        guard let path = table.string(key) else { return nil }
        if path.isEmpty {
            table.report(key, "must not be empty")
            return nil
        }
        if path.hasPrefix("~") {
            table.report(key, "\"~\" is not expanded; write the full path")
            return nil
        }
        return ConfigPath.resolve(path, against: baseDirectory)
    }

    /// A non-empty array of distinct, non-empty names (model inputs, CSV/array feature names).
    static func readNameList(_ table: ConfigTableReader, _ key: String, noun: String) -> [String]? {
        guard let names = table.strings(key) else { return nil }
        if names.isEmpty {
            table.report(key, "must list at least one \(noun)")
            return nil
        }
        var firstIndex: [String: Int] = [:]
        var ok = true
        for (i, name) in names.enumerated() {
            let line = table.table[key]?.array?[i].line ?? table.line
            if name.isEmpty {
                table.diagnostics.report(line: line, keyPath: table.keyPath(key) + "[\(i)]",
                                         "\(noun) name must not be empty")
                ok = false
            } else if let first = firstIndex[name] {
                table.diagnostics.report(line: line, keyPath: table.keyPath(key) + "[\(i)]",
                                         "duplicate \(noun) \"\(name)\" (also at index \(first))")
                ok = false
            } else {
                firstIndex[name] = i
            }
        }
        return ok ? names : nil
    }
}
