import ShadowCore

/// A `ReplayStore` that hands every run it begins a given manifest (a rerun's: the original config text, the
/// inputs as measured before replaying, the run it reruns), and forwards everything else unchanged.
public struct ManifestPinningStore: ReplayStore {
    /// The store written to.
    public let inner: any ReplayStore
    /// The manifest given to each run (its models are replaced by the run's own).
    public let manifest: RunManifest

    /// Wraps `inner`.
    public init(_ inner: any ReplayStore, manifest: RunManifest) {
        self.inner = inner
        self.manifest = manifest
    }

    /// Begins the run with the pinned manifest.
    public func beginRun(_ run: RunInfo) throws -> Int64 {
        var run = run
        run.manifest = manifest
        return try inner.beginRun(run)
    }

    /// Forwards to the inner store.
    public func append(run: Int64, disagreements: [DisagreementRow], rejects: [Reject],
                       checkpoint: SourceCheckpoint?) throws {
        try inner.append(run: run, disagreements: disagreements, rejects: rejects, checkpoint: checkpoint)
    }

    /// Forwards to the inner store.
    public func checkpoint(for source: String) throws -> SourceCheckpoint? { try inner.checkpoint(for: source) }

    /// Forwards to the inner store.
    public func finishRun(_ run: Int64, summary: RunSummary, latency: [LatencyRow]) throws {
        try inner.finishRun(run, summary: summary, latency: latency)
    }

    /// Forwards to the inner store.
    public func failRun(_ run: Int64, summary: RunSummary, latency: [LatencyRow]) throws {
        try inner.failRun(run, summary: summary, latency: latency)
    }
}
