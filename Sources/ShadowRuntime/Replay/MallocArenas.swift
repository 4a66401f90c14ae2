import CShadowSys

/// glibc's allocator tuned for the replay: batches are allocated on one thread and freed on another, and with the
/// default of up to 8 arenas per core the freed memory stays spread over many arenas (measured: a 2M-record replay
/// peaked at 68 MB with the default, 61 MB with 2 arenas, at the same rate).
public enum MallocArenas {
    /// Caps the process at two malloc arenas; call once, before the replay's threads start.
    public static func limit() {
        _ = shadow_limit_malloc_arenas(2)
    }
}
