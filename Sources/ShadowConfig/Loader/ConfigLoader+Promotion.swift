import ShadowCore

/// `[promotion]`: the gate `shadowctl models promote` checks before a shadow becomes champion.
extension ConfigLoader {
    static func readPromotion(_ table: ConfigTableReader) -> PromotionSettings {
        table.rejectUnknownKeys(known: ConfigKeys.promotion)
        var settings = PromotionSettings()
        if let minRecords = table.integer("min_records", in: 0...Int.max) { settings.minRecords = minRecords }
        guard table.strings("gate") != nil, let elements = table.table["gate"]?.array else { return settings }
        for (i, element) in elements.enumerated() {
            let text = element.string ?? ""
            switch GateClause.parse(text) {
            case .success(let clause):
                settings.gate.append(clause)
            case .failure(let error):
                table.diagnostics.report(line: element.line, keyPath: table.keyPath("gate") + "[\(i)]",
                                         "clause \(ConfigTableReader.quote(text)): \(error.message)")
            }
        }
        return settings
    }
}
