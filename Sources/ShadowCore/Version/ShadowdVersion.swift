/// The release of shadowd these binaries belong to: printed by `--version`, kept in run manifests and in the
/// `shadowd_build_info` metric.
public enum ShadowdVersion {
    /// The version string (semantic versioning).
    public static let current = "0.6.0"
}
