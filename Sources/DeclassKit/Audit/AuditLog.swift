import Foundation

/// Appends to an audit log (JSON Lines). Safe when several processes append to one log: each append takes
/// an exclusive lock, continues `seq` and `prev` from the log's last line, and writes all its lines in one
/// `write` followed by `fsync`. A line left incomplete by a writer that died is removed first (and
/// reported); a last line that is not an entry is refused, and nothing is written.
public enum AuditLog {
    /// Appends `entries` (built with `AuditEntry(withheld:…)` / `AuditEntry(document:…)`), setting each one's
    /// `seq`, `prev` and, with a key, `mac`. A log written with a key must be appended to with that key, and
    /// a log written without one without one.
    @discardableResult
    public static func append(_ entries: [AuditEntry], to path: String, key: AuditKey?) throws(AuditLogError) -> AuditAppendResult {
        let file = try LockedLogFile(path: path)
        var size = try file.size()
        let created = size == 0
        var repaired = 0
        if size > 0, try file.read(size - 1..<size) != [0x0A] {
            let keep = (try file.lastNewline(before: size)).map { $0 + 1 } ?? 0
            repaired = size - keep
            try file.truncate(to: keep)
            size = keep
        }
        var seq = 0
        var prev = AuditDigest.genesis
        if size > 0 {
            let start = (try file.lastNewline(before: size - 1)).map { $0 + 1 } ?? 0
            let line = try file.read(start..<size - 1)
            let last: AuditEntry
            do { last = try AuditEntry.decode(line: line) } catch {
                throw AuditLogError.invalidLastLine(path: path, line: try file.linesBefore(start) + 1, reason: AuditLogReader.reason(error))
            }
            try checkKey(key, last: last, path: path, line: { () throws(AuditLogError) in try file.linesBefore(start) + 1 })
            seq = last.seq
            prev = AuditDigest.sha256(line)
        }
        var written: [AuditEntry] = []
        var bytes: [UInt8] = []
        for var entry in entries {
            seq += 1
            entry.seq = seq
            entry.prev = prev
            entry.mac = nil
            if let key { entry.mac = entry.expectedMAC(key: key) }
            let line = entry.lineBytes
            bytes.append(contentsOf: line)
            bytes.append(0x0A)
            prev = AuditDigest.sha256(line)
            written.append(entry)
        }
        if !bytes.isEmpty {
            try file.appendAll(bytes, restoring: size)
            if created { file.syncFolder() }
        }
        return AuditAppendResult(entries: written, repairedBytes: repaired)
    }

    /// Appends one entry per withheld unit and redacted span of each record, then one for its document; the
    /// library computes every digest from the texts, which never reach the log. All records' lines are
    /// written in one write, under one lock.
    @discardableResult
    public static func append(records: [AuditRecord], to path: String, key: AuditKey?, time: Date = Date()) throws(AuditLogError) -> AuditAppendResult {
        var entries: [AuditEntry] = []
        for r in records { entries += try r.entries(key: key, time: time) }
        return try append(entries, to: path, key: key)
    }

    /// Checks, before any work, that entries can be appended to the log at `path` with `key` (a keyed log
    /// needs its key, an unkeyed one none; its last line must be an entry). Writes nothing but the repair of
    /// a torn last line, as an append would.
    public static func checkAppendable(to path: String, key: AuditKey?) throws(AuditLogError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        try append([], to: path, key: key)
    }

    /// The given key must fit the log: keyed logs need their key, unkeyed logs take none.
    private static func checkKey(_ key: AuditKey?, last: AuditEntry, path: String, line: () throws(AuditLogError) -> Int) throws(AuditLogError) {
        switch (key, last.mac) {
        case (nil, nil): return
        case (nil, .some): throw AuditLogError.keyedLogWithoutKey(path: path, line: try line())
        case (.some, nil): throw AuditLogError.unkeyedLogWithKey(path: path, line: try line())
        case (.some(let key), .some(let mac)):
            if last.expectedMAC(key: key) != mac { throw AuditLogError.wrongKey(path: path, line: try line()) }
        }
    }
}
