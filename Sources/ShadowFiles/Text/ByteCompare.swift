/// Equality of two short byte runs without a call into libc (keys are usually under 16 bytes).
enum ByteCompare {
    /// Whether `a[0..<count]` equals `b[0..<count]`; reads nothing outside those ranges.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        while i + 8 <= count {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
            i += 8
        }
        let rest = count - i
        if rest >= 4 {
            // Two overlapping 4-byte words cover 4…7 bytes.
            return UnsafeRawPointer(a + i).loadUnaligned(as: UInt32.self)
                == UnsafeRawPointer(b + i).loadUnaligned(as: UInt32.self)
                && UnsafeRawPointer(a + count - 4).loadUnaligned(as: UInt32.self)
                == UnsafeRawPointer(b + count - 4).loadUnaligned(as: UInt32.self)
        }
        if rest >= 2 {
            // Two overlapping 2-byte words cover 2…3 bytes (short keys such as feature names).
            return UnsafeRawPointer(a + i).loadUnaligned(as: UInt16.self)
                == UnsafeRawPointer(b + i).loadUnaligned(as: UInt16.self)
                && UnsafeRawPointer(a + count - 2).loadUnaligned(as: UInt16.self)
                == UnsafeRawPointer(b + count - 2).loadUnaligned(as: UInt16.self)
        }
        return rest == 0 || a[i] == b[i]
    }
}
