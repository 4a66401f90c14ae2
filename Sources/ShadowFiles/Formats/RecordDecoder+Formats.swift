import ShadowCore

extension RecordDecoder {
    /// A decoder for the canonical lines a `FramedTrafficSource` writes for `format`.
    ///
    /// GoReplay: id and time come from the gor meta line, and the `[source.fields]` pointers (features,
    /// feature_names, feature.*, label) are read inside the request body. CloudEvents logs: the features were
    /// already named from the inference protocol, so only `allow_non_finite` and `max_line_bytes` apply.
    public init(framed format: SourceSettings.Format, settings: SourceSettings,
                schema: FeatureSchema) throws(TrafficReaderError) {
        var canonical = settings
        canonical.format = .jsonl
        var fields = FieldMapping(id: "/id", time: "/epoch_ms", timeUnit: .ms, features: "/features",
                                  label: "/label", recorded: "/recorded")
        if format == .gor {
            let user = settings.fields
            fields.features = "/body" + user.features
            fields.featureNames = user.featureNames
            fields.label = "/body" + user.label
            fields.feature = user.feature.mapValues { "/body" + $0 }
        }
        canonical.fields = fields
        try self.init(jsonlSettings: canonical, schema: schema)
    }
}

extension SourceSettings.Format {
    /// Whether files of this format hold multi-line records read by `FramedTrafficSource`.
    public var isFramed: Bool {
        switch self {
        case .gor, .kserveLog, .seldonLog: return true
        case .auto, .jsonl, .csv: return false
        }
    }
}
