import Crypto
import Foundation

/// The last line this process appended to an audit log, with its `seq`, the key it was written with and its
/// digest. An append that finds that very line still last in a log (the usual case when `declass redact`
/// releases cable after cable) knows what reading it would give, so it skips Foundation's JSON decoder (about
/// 180,000 instructions a line), the MAC check and the digest; any other last line is read as before. The
/// same bytes always decode to the same entry, so this remembers a pure function's result, not a file's state.
/// It holds the SHA-256 of the key, not the key: the secret is not kept for the life of the process.
final class AuditLogTail: @unchecked Sendable {
    /// A line as appended: its bytes (without the newline), its entry's `seq`, the key that MACed it
    /// (nil: none) and `sha256:` of its bytes (the next entry's `prev`).
    struct Line {
        var bytes: [UInt8]
        var seq: Int
        var key: AuditKey?
        var digest: String
    }

    /// What is remembered of a line: its key only as the SHA-256 of the key's bytes.
    private struct Remembered {
        var bytes: [UInt8]
        var seq: Int
        var keyID: SHA256.Digest?
        var digest: String
    }

    /// The process's last appended line.
    static let shared = AuditLogTail()

    private let lock = NSLock()
    private var line: Remembered?

    /// The `seq` and digest of `bytes` when they are the last line appended, with `key`; nil otherwise.
    func known(_ bytes: [UInt8], key: AuditKey?) -> (seq: Int, digest: String)? {
        let keyID = key.map { SHA256.hash(data: $0.bytes) }
        lock.lock()
        defer { lock.unlock() }
        guard let line, line.keyID == keyID, line.bytes == bytes else { return nil }
        return (line.seq, line.digest)
    }

    /// Remembers the line just appended (in place of the one before).
    func remember(_ line: Line) {
        let remembered = Remembered(bytes: line.bytes, seq: line.seq, keyID: line.key.map { SHA256.hash(data: $0.bytes) }, digest: line.digest)
        lock.lock()
        self.line = remembered
        lock.unlock()
    }

    /// Forgets the last line, so that the next append reads its log's last line in full (for tests).
    func forget() {
        lock.lock()
        line = nil
        lock.unlock()
    }
}
