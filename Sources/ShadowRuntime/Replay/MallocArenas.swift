import CShadowSys

/// glibc's allocator tuned for the replay: batches are allocated on one thread and freed on another, and with the
/// default of up to 8 arenas per core the freed memory stays spread over many arenas (measured: a 2M-record replay
/// peaked at 68 MB with the default, 61 MB with 2 arenas; a 10M-record replay at 64.7 MB with 2 arenas and 58.7 MB
/// with 1, with no rate difference above the machine's run-to-run noise: small blocks go through glibc's per-thread
/// caches, which take no arena lock).
public enum MallocArenas {
    /// Caps the process at one malloc arena; call once, before the replay's threads start.
    public static func limit() {
        _ = shadow_limit_malloc_arenas(1)
    }
}
