/// Where the daemon's log lines go.
public enum LogDestination: String, Sendable, Equatable {
    /// Structured entries through `sd_journal_sendv`.
    case journal
    /// Plain lines on stderr.
    case stderr
}
