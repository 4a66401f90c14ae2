import Logging

/// The fields of one journal entry built from a swift-log event, in the order they are sent.
public struct JournalEntry: Sendable, Equatable {
    /// The value of `SYSLOG_IDENTIFIER`, so `journalctl -t shadowd` finds entries outside the unit too.
    public static let syslogIdentifier = "shadowd"
    /// The metadata key whose value (32 hex digits) becomes `MESSAGE_ID`, linking the entry to the catalog.
    public static let messageIDKey = "message_id"
    /// The metadata key that overrides `PRIORITY` with a syslog level 0–7 (swift-log's most severe level,
    /// `.critical`, is only 2: an `alert` event sets 1 this way).
    public static let priorityKey = "priority"

    /// The fields, well-known ones first, then `SHADOWD_*` metadata sorted by key.
    public private(set) var fields: [JournalField]

    /// Builds the entry for an event; `metadata` is the handler's and provider's metadata merged beneath the event's.
    public init(event: LogEvent, label: String, metadata: Logger.Metadata) {
        var merged = metadata
        if let extra = event.metadata {
            merged.merge(extra) { _, new in new }
        }
        var priority = event.level.syslogPriority
        if let raw = merged[Self.priorityKey], let level = Int(Self.flatten(raw)), (0...7).contains(level) {
            priority = level
            merged[Self.priorityKey] = nil
        }
        var fields: [JournalField] = [
            JournalField("PRIORITY", String(priority)),
            JournalField("MESSAGE", event.message.description),
        ]
        if let raw = merged[Self.messageIDKey], let id = JournalField.messageID(from: Self.flatten(raw)) {
            fields.append(JournalField("MESSAGE_ID", id))
            merged[Self.messageIDKey] = nil
        }
        fields.append(JournalField("SYSLOG_IDENTIFIER", Self.syslogIdentifier))
        fields.append(JournalField("CODE_FILE", event.file))
        fields.append(JournalField("CODE_LINE", String(event.line)))
        fields.append(JournalField("CODE_FUNC", event.function))
        fields.append(JournalField("SHADOWD_LOGGER", label))
        if let error = event.error {
            fields.append(JournalField("SHADOWD_ERROR", String(describing: error)))
        }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            fields.append(JournalField(JournalField.metadataName(for: key), Self.flatten(value)))
        }
        self.fields = fields
    }

    /// The first value of the named field, if present.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// A metadata value as one string: strings verbatim, everything else through its description.
    public static func flatten(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array, .dictionary: value.description
        }
    }
}
