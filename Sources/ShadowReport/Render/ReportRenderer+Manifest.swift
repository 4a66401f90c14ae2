extension ReportRenderer {
    func manifest() -> String {
        guard report.run != nil else { return absent("manifest", "No run: no manifest.") }
        guard let m = report.manifest else {
            var out = "<p class=\"note\">\(e(report.manifestNote ?? "This run has no manifest."))</p>\n"
            if !report.models.isEmpty {
                out += modelsTable(report.models.map { ($0.name, $0.role, $0.kind, $0.location, $0.digest, $0.version.map(Int.init)) })
            }
            return section("manifest", out)
        }
        var out = "<p class=\"lead\">What <code>shadowctl replay --rerun \(report.run.map { String($0.id) } ?? "")</code> "
            + "needs to replay this run exactly.</p>\n"
        out += facts([
            ("shadowd version", m.shadowdVersion ?? "-"), ("manifest format", m.format.map(String.init) ?? "-"),
            ("config", m.config?.path ?? "-"), ("config sha256", m.config?.sha256 ?? "unreadable"),
            ("profile", m.profile ?? "as fast as possible"), ("seed", m.seed.map(String.init) ?? "none"),
            ("rerun of", m.rerunOf.map { "run \($0)" } ?? "-"),
        ])
        let inputs = m.inputs ?? []
        let algorithm = inputs.compactMap(\.digest?.algorithm).first ?? "digest"
        out += "<h3>Inputs</h3>\n" + HTMLTable(columns: ["file", "bytes", algorithm], rows: inputs.map {
            [$0.path, $0.size.map(String.init) ?? "-", $0.digest?.value ?? "unreadable"]
        }, numeric: [1]).html + "\n"
        out += "<h3>Models</h3>\n" + modelsTable((m.models ?? []).map {
            ($0.name ?? "", $0.role ?? "", $0.kind ?? "", $0.location ?? "", $0.digest ?? "", $0.version)
        })
        if let scenarios = m.scenarios, !scenarios.isEmpty {
            out += "<h3>Scenarios (drift injected)</h3>\n" + HTMLTable(columns: ["kind", "settings"],
                rows: scenarios.map { s in
                    if case .string(let kind)? = s["kind"] { return [kind, s.text] }
                    return ["?", s.text]
                }).html + "\n"
        } else {
            out += "<p class=\"note\">No drift scenario was injected.</p>\n"
        }
        if let text = m.config?.text {
            out += "<details><summary>Config text</summary><pre>\(e(text))</pre></details>\n"
        }
        return section("manifest", out)
    }

    func modelsTable(_ rows: [(String, String, String, String, String, Int?)]) -> String {
        HTMLTable(columns: ["name", "role", "kind", "location", "version", "digest (sha256)"], rows: rows.map {
            [$0.0, $0.1, $0.2, $0.3, $0.5.map(String.init) ?? "-", $0.4]
        }, numeric: [4]).html + "\n"
    }
}
