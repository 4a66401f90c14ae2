import Logging

/// A swift-log handler that writes structured entries to the systemd journal.
///
/// Fields: `PRIORITY`, `MESSAGE`, `MESSAGE_ID` (from the `message_id` metadata key), `SYSLOG_IDENTIFIER=shadowd`,
/// `CODE_FILE`, `CODE_LINE`, `CODE_FUNC`, `SHADOWD_LOGGER` (the logger label) and every metadata key as
/// `SHADOWD_<KEY>`. When journald refuses an entry, the line goes to stderr instead so it is not lost.
public struct JournalLogHandler: LogHandler {
    /// The logger label, sent as `SHADOWD_LOGGER`.
    public let label: String
    /// The least severe level this handler emits.
    public var logLevel: Logger.Level
    /// Metadata attached to every entry of this handler.
    public var metadata: Logger.Metadata = [:]
    /// Supplies contextual metadata (for example task-local) at each log call.
    public var metadataProvider: Logger.MetadataProvider?
    /// Where entries go when `sd_journal_sendv` fails.
    private let fallback: StderrLogHandler

    /// Creates a handler for a logger label, emitting `level` and more severe events; entries journald refuses
    /// are written as lines to `fallbackDescriptor` (stderr by default).
    public init(
        label: String, level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil,
        fallbackDescriptor: Int32 = 2
    ) {
        self.label = label
        self.logLevel = level
        self.metadataProvider = metadataProvider
        self.fallback = StderrLogHandler(label: label, level: .trace, fileDescriptor: fallbackDescriptor)
    }

    /// Gets or sets one metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Sends the event as one journal entry.
    public func log(event: LogEvent) {
        let entry = JournalEntry(event: event, label: label, metadata: effectiveMetadata(for: event))
        if JournalWriter.send(entry.fields) < 0 {
            var event = event
            event.metadata = effectiveMetadata(for: event).merging(event.metadata ?? [:]) { _, new in new }
            fallback.log(event: event)
        }
    }

    /// The handler's metadata overlaid with the provider's.
    private func effectiveMetadata(for event: LogEvent) -> Logger.Metadata {
        guard let provided = metadataProvider?.get(), !provided.isEmpty else { return metadata }
        return metadata.merging(provided) { _, new in new }
    }
}
