import ShadowCore

/// The keys of `kind = "http"` models: endpoint, protocol and its shape options, pool size, headers, and for https
/// endpoints the trust settings.
extension ConfigLoader {
    /// Keys only an http model accepts.
    static let httpModelKeys = ["url", "protocol", "connections", "model_name", "model_version", "format",
                                "input_name", "datatype", "output", "request_template", "output_pointer", "headers",
                                "classes", "ca_file", "tls_verify"]

    /// Reads the http keys of one `[[models]]` entry; reports them on other kinds, and what http needs when missing.
    /// A relative `ca_file` resolves against `baseDirectory` (the config file's folder).
    static func readHTTPModel(_ entry: ConfigTableReader, kind: ModelSettings.Kind?, name: String?,
                              baseDirectory: String) -> HTTPModelSettings? {
        guard kind == .http else {
            for key in httpModelKeys where entry.table[key] != nil && !(key == "classes" && kind == .process) {
                entry.report(key, "only models with kind = \"http\" take this key")
            }
            return nil
        }
        if entry.table["url"] == nil { entry.reportMissing("url", "required for kind \"http\" (http://host:port/path)") }
        if entry.table["protocol"] == nil {
            entry.reportMissing("protocol", "required for kind \"http\" (kserve-v2, mlflow, tfserving, seldon or json)")
        }
        if entry.table["features"] == nil {
            entry.reportMissing("features", "required for kind \"http\" (the model's inputs, in order)")
        }
        let url = readHTTPURL(entry)
        let wire = entry.choice("protocol", HTTPModelSettings.WireProtocol.self)
        let connections = entry.integer("connections", in: 1...1024)
        let classes = entry.integer("classes", in: 2...100_000)
        let modelName = entry.string("model_name")
        let modelVersion = entry.string("model_version")
        let inputName = entry.string("input_name")
        let datatype = entry.choice("datatype", KServeDatatype.self)
        let output = entry.string("output")
        let headers = readHeaders(entry)
        let trust = readTLSKeys(entry, url: url, baseDirectory: baseDirectory)
        var format: HTTPModelSettings.Format?
        if let wire, entry.table["format"] != nil, let text = entry.string("format") {
            let allowed = HTTPModelSettings.Format.allowed(for: wire)
            if let f = HTTPModelSettings.Format(rawValue: text), allowed.contains(f) {
                format = f
            } else if allowed.isEmpty {
                entry.report("format", "protocol \"\(wire.rawValue)\" takes no format (use request_template)")
            } else {
                entry.report("format", "unknown value \(ConfigTableReader.quote(text)) for protocol \"\(wire.rawValue)\" "
                    + "(expected one of: \(allowed.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        let template = entry.string("request_template")
        let pointer = entry.string("output_pointer")
        if let wire {
            readJSONProtocolKeys(entry, wire: wire, template: template, pointer: pointer)
            if wire != .kserveV2 {
                for key in ["model_version", "input_name", "datatype", "output"] where entry.table[key] != nil {
                    entry.report(key, "only protocol \"kserve-v2\" takes this key")
                }
            }
        }
        guard let url, let wire, let name else { return nil }
        var settings = HTTPModelSettings(url: url, wire: wire, format: format, modelName: modelName ?? name,
                                         modelVersion: modelVersion, requestTemplate: template,
                                         outputPointer: pointer, headers: headers, classes: classes,
                                         caFile: trust.caFile, tlsVerify: trust.verify)
        if let connections { settings.connections = connections }
        if let inputName { settings.inputName = inputName }
        if let datatype { settings.datatype = datatype.rawValue }
        settings.outputName = output
        return settings
    }

    /// kserve-v2 tensor datatypes a request can carry.
    enum KServeDatatype: String, CaseIterable {
        case FP64, FP32, FP16, INT64, INT32, INT16, INT8, UINT8, BOOL
    }

    private static func readHTTPURL(_ entry: ConfigTableReader) -> String? {
        guard let url = entry.string("url") else { return nil }
        let scheme = url.hasPrefix("https://") ? "https://" : "http://"
        guard url.hasPrefix(scheme), url.count > scheme.count else {
            entry.report("url", "expected http://host[:port][/path] or https://…, found \(ConfigTableReader.quote(url))")
            return nil
        }
        let authority = url.dropFirst(scheme.count).prefix { $0 != "/" }
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            let port = Int(authority[authority.index(after: colon)...])
            if port == nil || !(1...65535).contains(port!) {
                entry.report("url", "invalid port in \(ConfigTableReader.quote(url))")
                return nil
            }
        }
        if authority.isEmpty || authority.hasPrefix(":") {
            entry.report("url", "no host in \(ConfigTableReader.quote(url))")
            return nil
        }
        return url
    }

    /// `ca_file` (a readable PEM file, resolved against the config's folder) and `tls_verify`: https urls only.
    private static func readTLSKeys(_ entry: ConfigTableReader, url: String?, baseDirectory: String)
        -> (caFile: String?, verify: Bool) {
        let verify = entry.bool("tls_verify")
        var caFile = entry.table["ca_file"] == nil ? nil : readFilePath(entry, "ca_file", baseDirectory: baseDirectory)
        if let url, !url.hasPrefix("https://") {
            for key in ["ca_file", "tls_verify"] where entry.table[key] != nil {
                entry.report(key, "only an https:// url takes this key (url is \(ConfigTableReader.quote(url)))")
            }
            return (nil, true)
        }
        if let path = caFile {
            if verify == false {
                entry.report("ca_file", "has no effect with tls_verify = false (no certificate is checked); drop one")
                caFile = nil
            } else if let problem = caFileProblem(path) {
                entry.report("ca_file", problem)
                caFile = nil
            }
        }
        return (caFile, verify ?? true)
    }

    /// Why the CA file at `path` cannot serve as trust roots, or nil when it reads and holds a PEM certificate.
    private static func caFileProblem(_ path: String) -> String? {
        let text: String
        do {
            text = try ConfigFile.text(at: path)
        } catch {
            return "\(ConfigTableReader.quote(path)): \(error.message)"
        }
        guard text.contains("-----BEGIN CERTIFICATE-----") else {
            return "\(ConfigTableReader.quote(path)) holds no PEM certificate (-----BEGIN CERTIFICATE-----)"
        }
        return nil
    }

    private static func readJSONProtocolKeys(_ entry: ConfigTableReader, wire: HTTPModelSettings.WireProtocol,
                                             template: String?, pointer: String?) {
        guard wire == .json else {
            for key in ["request_template", "output_pointer"] where entry.table[key] != nil {
                entry.report(key, "only protocol \"json\" takes this key")
            }
            return
        }
        if entry.table["request_template"] == nil {
            entry.reportMissing("request_template", "required for protocol \"json\" (a body with {{features}}, "
                + "{{object}} or {{id}})")
        } else if let template, !(template.contains("{{features}}") || template.contains("{{object}}")) {
            entry.report("request_template", "must contain {{features}} or {{object}}")
        }
        if entry.table["output_pointer"] == nil {
            entry.reportMissing("output_pointer", "required for protocol \"json\" (a JSON pointer such as \"/score\")")
        } else if let pointer, !pointer.isEmpty, !pointer.hasPrefix("/") {
            entry.report("output_pointer", "a JSON pointer starts with \"/\" (found \(ConfigTableReader.quote(pointer)))")
        }
    }

    private static func readHeaders(_ entry: ConfigTableReader) -> [String: String] {
        guard entry.table["headers"] != nil, let table = entry.table("headers") else { return [:] }
        var headers: [String: String] = [:]
        for item in table.table.entries {
            guard let value = table.string(item.key) else { continue }
            let nameOK = !item.key.isEmpty && item.key.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }
            let valueOK = value.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F }
            let reserved = ["host", "content-length", "transfer-encoding", "connection"].contains(item.key.lowercased())
            if !nameOK || !valueOK {
                table.report(item.key, "not a valid HTTP header")
            } else if reserved {
                table.report(item.key, "is set by shadowd and cannot be overridden")
            } else {
                headers[item.key] = value
            }
        }
        return headers
    }
}
