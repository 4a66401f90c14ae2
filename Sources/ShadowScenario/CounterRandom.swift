/// A counter-based random source: each draw is a pure function of (seed, scenario, record index, stream), so a
/// record's drift is the same whatever the batch size, thread count or order the records are processed in.
public enum CounterRandom {
    /// SplitMix64's finalizer: a bijective 64-bit mix.
    @inlinable
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 64 random bits for one (seed, scenario, index, stream) key.
    @inlinable
    public static func bits(seed: UInt64, scenario: Int, index: Int, stream: Int) -> UInt64 {
        var h = mix(seed)
        h = mix(h ^ UInt64(truncatingIfNeeded: scenario))
        h = mix(h ^ UInt64(bitPattern: Int64(index)))
        return mix(h ^ UInt64(truncatingIfNeeded: stream))
    }

    /// A uniform draw in [0, 1).
    @inlinable
    public static func uniform(seed: UInt64, scenario: Int, index: Int, stream: Int) -> Double {
        Double(bits(seed: seed, scenario: scenario, index: index, stream: stream) >> 11) * 0x1p-53
    }

    /// A standard normal draw (Box–Muller over two uniforms of the key's streams 2k and 2k+1).
    @inlinable
    public static func gaussian(seed: UInt64, scenario: Int, index: Int, stream: Int) -> Double {
        let u1 = max(uniform(seed: seed, scenario: scenario, index: index, stream: 2 * stream), 0x1p-60)
        let u2 = uniform(seed: seed, scenario: scenario, index: index, stream: 2 * stream + 1)
        return (-2 * logarithm(u1)).squareRoot() * cosine(2 * Double.pi * u2)
    }

    /// Natural logarithm of x > 0 (kept here so the target needs no libm import in callers).
    @usableFromInline
    static func logarithm(_ x: Double) -> Double { Math.log(x) }

    /// Cosine.
    @usableFromInline
    static func cosine(_ x: Double) -> Double { Math.cos(x) }
}
