#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an output could not be written; the message names the path.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case wouldOverwriteInput(path: String)
    case exists(path: String)

    public var description: String {
        switch self {
        case .cannotCreate(let p, let r): "\(p): cannot create the output: \(r)"
        case .cannotWrite(let p, let r): "\(p): cannot write the output: \(r)"
        case .wouldOverwriteInput(let p): "\(p): the output would overwrite an input; choose another path"
        case .exists(let p): "\(p): the output exists; give --force to replace it"
        }
    }
}

/// Writes a file so that readers see the old file or the whole new one, never a part: a temporary file
/// in the same folder, written and synced, then renamed over the target.
public struct AtomicFile: Sendable {
    public let path: String
    let temporary: String

    /// Creates the temporary file and writes `bytes` to it, synced; nothing is visible at `path` yet.
    public init(path: String, bytes: [UInt8]) throws(OutputError) {
        self.path = path
        let dir = AtomicFile.directory(of: path)
        let base = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(dir)/.\(base).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw OutputError.cannotWrite(path: path, reason: reason)
            }
            written += n
        }
        fchmod(fd, 0o644)
        if fsync(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
    }

    /// Makes the new file visible at `path` (rename, then sync of the folder).
    public func commit() throws(OutputError) {
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
        let dfd = open(AtomicFile.directory(of: path), O_RDONLY)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }

    /// Removes the temporary file: nothing is written.
    public func discard() {
        unlink(temporary)
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try AtomicFile(path: path, bytes: bytes).commit()
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
