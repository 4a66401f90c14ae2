#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The libm functions the scenarios need, behind one import.
@usableFromInline
enum Math {
    /// Natural logarithm.
    @usableFromInline
    static func log(_ x: Double) -> Double {
        #if canImport(Darwin)
        return Darwin.log(x)
        #elseif canImport(Musl)
        return Musl.log(x)
        #else
        return Glibc.log(x)
        #endif
    }

    /// Cosine.
    @usableFromInline
    static func cos(_ x: Double) -> Double {
        #if canImport(Darwin)
        return Darwin.cos(x)
        #elseif canImport(Musl)
        return Musl.cos(x)
        #else
        return Glibc.cos(x)
        #endif
    }
}
