#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads cable files (or standard input for `-`) into bytes, turning every way a read can fail into a
/// `CableError` that names the input.
public enum CableInput {
    /// Reads and parses the cable at `path` (`-` for standard input).
    public static func load(_ path: String) throws(CableError) -> Cable {
        try CableParser.parse(try read(path), name: path)
    }

    /// The bytes at `path`, or of standard input for `-`; never modifies the input. One `open`, `fstat`
    /// and `read` into the array's storage: a sweep reads hundreds of thousands of files this way.
    public static func read(_ path: String) throws(CableError) -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return [UInt8](data)
        }
        let fd = try open(path)
        defer { close(fd) }
        return try read(fd, path: path)
    }

    /// Opens the file at `path` for reading (`read(_:path:)` reads it): a sweep opens its next input early
    /// to start reading it ahead.
    static func open(_ path: String) throws(CableError) -> Int32 {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw CableError.notFound(path: path)
            case EACCES, EPERM: throw CableError.unreadable(path: path, reason: "permission denied")
            default: throw CableError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
        }
        return fd
    }

    /// The bytes of the file open as `fd` (named `path` in errors), from its start; leaves `fd` open.
    static func read(_ fd: Int32, path: String) throws(CableError) -> [UInt8] {
        var s = stat()
        guard fstat(fd, &s) == 0 else { throw CableError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        if s.st_mode & S_IFMT == S_IFDIR { throw CableError.isDirectory(path: path) }
        let size = Int(s.st_size)
        if size > CableParser.maximumSize { throw CableError.tooLarge(name: path, bytes: size, limit: CableParser.maximumSize) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        // Regular files give their size; pipes and devices report 0 and are read until their end.
        while true {
            if done == bytes.count {
                if s.st_mode & S_IFMT == S_IFREG, done == size { break }
                if bytes.count > CableParser.maximumSize {
                    throw CableError.tooLarge(name: path, bytes: bytes.count, limit: CableParser.maximumSize)
                }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count)))
            }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CableError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            done += n
        }
        if done < bytes.count { bytes.removeLast(bytes.count - done) }
        return bytes
    }
}
