#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An audit log opened for appending (`O_APPEND | O_CREAT`, mode 0600) under an exclusive `flock`, so
/// that one process (or thread, with its own descriptor) appends at a time. Closing releases the lock.
struct LockedLogFile: ~Copyable {
    let path: String
    private let fd: Int32

    /// Opens (creating it if needed) and locks the log; waits for another writer's lock.
    init(path: String) throws(AuditLogError) {
        self.path = path
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, mode_t(0o600))
        guard fd >= 0 else { throw AuditLogError.cannotOpen(path: path, reason: LockedLogFile.lastError()) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = LockedLogFile.lastError()
            close(fd)
            throw AuditLogError.cannotLock(path: path, reason: reason)
        }
        self.fd = fd
    }

    deinit {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }

    /// The file's size in bytes.
    func size() throws(AuditLogError) -> Int {
        var s = stat()
        guard fstat(fd, &s) == 0 else { throw AuditLogError.cannotRead(path: path, reason: LockedLogFile.lastError()) }
        return Int(s.st_size)
    }

    /// Bytes `range` of the file.
    func read(_ range: Range<Int>) throws(AuditLogError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: range.count)
        var done = 0
        while done < range.count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, range.count - done, off_t(range.lowerBound + done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw AuditLogError.cannotRead(path: path, reason: n == 0 ? "file shrank while reading" : LockedLogFile.lastError()) }
            done += n
        }
        return out
    }

    /// Offset of the last `\n` before `end`, or nil when there is none; reads backwards in blocks.
    func lastNewline(before end: Int) throws(AuditLogError) -> Int? {
        var upper = end
        while upper > 0 {
            let lower = max(0, upper - 4096)
            let block = try read(lower..<upper)
            if let i = block.lastIndex(of: 0x0A) { return lower + i }
            upper = lower
        }
        return nil
    }

    /// Number of lines that end before `offset` (to name a line by number).
    func linesBefore(_ offset: Int) throws(AuditLogError) -> Int {
        var count = 0
        var lower = 0
        while lower < offset {
            let upper = min(offset, lower + 1 << 20)
            count += try read(lower..<upper).lazy.filter { $0 == 0x0A }.count
            lower = upper
        }
        return count
    }

    /// Cuts the file to `length` bytes.
    func truncate(to length: Int) throws(AuditLogError) {
        guard ftruncate(fd, off_t(length)) == 0 else { throw AuditLogError.cannotWrite(path: path, reason: LockedLogFile.lastError()) }
    }

    /// Writes all of `bytes` at the end of the file in one `write` call (looping only on a partial write),
    /// then `fsync`s. On failure the file is cut back to `restoring` bytes so that no torn line stays.
    func appendAll(_ bytes: [UInt8], restoring: Int) throws(AuditLogError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                let reason = LockedLogFile.lastError()
                _ = ftruncate(fd, off_t(restoring))
                throw AuditLogError.cannotWrite(path: path, reason: reason)
            }
            done += n
        }
        guard fsync(fd) == 0 else { throw AuditLogError.cannotWrite(path: path, reason: "fsync: " + LockedLogFile.lastError()) }
    }

    /// `fsync`s the folder holding the log, so that a newly created log survives a crash.
    func syncFolder() {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let dfd = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_CLOEXEC)
        guard dfd >= 0 else { return }
        _ = fsync(dfd)
        close(dfd)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
