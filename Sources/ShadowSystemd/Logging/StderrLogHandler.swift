import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A swift-log handler writing one line per event (`time level message key=value…`) to a file descriptor.
///
/// Each line goes out in a single `write`, so lines from concurrent tasks do not interleave.
public struct StderrLogHandler: LogHandler {
    /// The logger label (not printed; the daemon's lines are told apart by their metadata).
    public let label: String
    /// The least severe level this handler emits.
    public var logLevel: Logger.Level
    /// Metadata attached to every line of this handler.
    public var metadata: Logger.Metadata = [:]
    /// Supplies contextual metadata (for example task-local) at each log call.
    public var metadataProvider: Logger.MetadataProvider?
    /// The descriptor lines are written to; 2 (stderr) unless a test passes a pipe.
    public let fileDescriptor: Int32

    /// Creates a handler writing to `fileDescriptor` (stderr by default).
    public init(
        label: String, level: Logger.Level = .info, fileDescriptor: Int32 = 2,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.logLevel = level
        self.fileDescriptor = fileDescriptor
        self.metadataProvider = metadataProvider
    }

    /// Gets or sets one metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event as one line.
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        if let error = event.error, merged["error"] == nil { merged["error"] = "\(String(describing: error))" }
        let (seconds, nanoseconds) = LogLine.now()
        var line = LogLine.format(
            level: event.level, message: event.message.description, metadata: merged,
            seconds: seconds, nanoseconds: nanoseconds)
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
