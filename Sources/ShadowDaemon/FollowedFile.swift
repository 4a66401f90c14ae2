#if canImport(Glibc)
import Glibc
#endif
import ShadowFiles

/// A followed file as last seen on disk, to tell growth from rotation and truncation. A plain file's reader
/// position is a byte offset in the file, so a size below it means truncation; a gzip file's position counts
/// inflated bytes, so it is compared with nothing on disk: a gzip file is truncated when its size on disk
/// shrinks, and one that has not grown is simply not read again.
struct FollowedFile: Sendable {
    /// What happened to the file since it was last seen.
    enum Change: Sendable, Equatable {
        /// Same file, same or larger size: the reader goes on.
        case same
        /// Another file under the name now.
        case rotated
        /// The same file, shorter than what was read of it.
        case truncated
    }

    let path: String
    let inode: UInt64
    let gzip: Bool
    private(set) var sizeOnDisk: Int64

    /// The file `reader` has open, as it is on disk now.
    init(path: String, reader: TrafficReader) {
        self.init(path: path, inode: reader.inode, gzip: Self.isGzip(path), sizeOnDisk: Self.size(path) ?? 0)
    }

    init(path: String, inode: UInt64, gzip: Bool, sizeOnDisk: Int64) {
        self.path = path
        self.inode = inode
        self.gzip = gzip
        self.sizeOnDisk = sizeOnDisk
    }

    /// The change since the last look, for a reader standing at `position`; nil when the name is gone (wait).
    mutating func change(position: Int64) -> Change? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let size = Int64(info.st_size)
        if UInt64(info.st_ino) != inode { return .rotated }
        if gzip {
            defer { sizeOnDisk = max(sizeOnDisk, size) }
            return size < sizeOnDisk ? .truncated : .same
        }
        sizeOnDisk = size
        return size < position ? .truncated : .same
    }

    /// Whether the file starts with the gzip magic bytes (its reader inflates it).
    static func isGzip(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { _ = close(fd) }
        var magic: (UInt8, UInt8) = (0, 0)
        let n = withUnsafeMutableBytes(of: &magic) { read(fd, $0.baseAddress, 2) }
        return n == 2 && magic.0 == 0x1f && magic.1 == 0x8b
    }

    static func size(_ path: String) -> Int64? {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : nil
    }
}
