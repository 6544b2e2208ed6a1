import Crypto
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
        var written = entries
        let repaired = try append([PreparedAuditEntries(entries)], to: path, key: key) { i, seq, prev, mac in
            written[i].seq = seq
            written[i].prev = prev
            written[i].mac = mac
        }
        return AuditAppendResult(entries: written, repairedBytes: repaired)
    }

    /// Appends entries serialized ahead (`PreparedAuditEntries`, one set after the other): numbers, chains and
    /// MACs them, writes them in one write and syncs, as `append(_:to:key:)` does; `each` gets every entry's
    /// index (counted over all sets), `seq`, `prev` and `mac`. Returns the bytes of a torn last line removed
    /// first (0 when the log was whole).
    @discardableResult
    static func append(_ sets: [PreparedAuditEntries], to path: String, key: AuditKey?,
                       each: ((Int, Int, String, String?) -> Void)? = nil) throws(AuditLogError) -> Int {
        var scratch: [UInt8] = []
        return try append(sets, to: path, key: key, scratch: &scratch, each: each)
    }

    /// `append(_:to:key:each:)`, building the lines in `scratch` (emptied first, its storage kept): a sweep's
    /// committer passes the same buffer batch after batch, so its megabytes of lines are not allocated and
    /// faulted in afresh for every batch. Each entry's `prev` is written as bytes, not made a `String`.
    static func append(_ sets: [PreparedAuditEntries], to path: String, key: AuditKey?, scratch bytes: inout [UInt8],
                       each: ((Int, Int, String, String?) -> Void)? = nil) throws(AuditLogError) -> Int {
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
            if let known = AuditLogTail.shared.known(line, key: key) {
                seq = known.seq
                prev = known.digest
            } else {
                let last: AuditEntry
                do { last = try AuditEntry.decode(line: line) } catch {
                    throw AuditLogError.invalidLastLine(path: path, line: try file.linesBefore(start) + 1, reason: AuditLogReader.reason(error))
                }
                try checkKey(key, last: last, path: path, line: { () throws(AuditLogError) in try file.linesBefore(start) + 1 })
                seq = last.seq
                prev = AuditDigest.sha256(line)
            }
        }
        bytes.removeAll(keepingCapacity: true)
        let needed = sets.reduce(0) { $0 + $1.bytes.count + $1.count * 200 }
        // A buffer in use that must grow grows by half again: batches vary in size, and each new largest one
        // would otherwise get a buffer of its own, faulted in page by page.
        if bytes.capacity < needed { bytes.reserveCapacity(bytes.capacity == 0 ? needed : needed + needed / 2) }
        var unkeyed: [UInt8] = []
        var index = 0
        var lastStart = 0
        // `prev` as the bytes `sha256:<hex>`, rewritten in place from each line's digest.
        var prevBytes = Array(prev.utf8)
        for entries in sets {
            for i in 0..<entries.count {
                seq += 1
                var mac: String?
                if let key {
                    // The MAC is over the line without `mac`.
                    unkeyed.removeAll(keepingCapacity: true)
                    entries.writeLine(i, seq: seq, prev: prevBytes, mac: nil, to: &unkeyed)
                    mac = key.authenticationCode(for: unkeyed)
                }
                each?(index, seq, String(decoding: prevBytes, as: UTF8.self), mac)
                index += 1
                let start = bytes.count
                lastStart = start
                entries.writeLine(i, seq: seq, prev: prevBytes, mac: mac, to: &bytes)
                let digest = bytes.withUnsafeBytes { SHA256.hash(data: UnsafeRawBufferPointer(rebasing: $0[start...])) }
                AuditDigest.writePrefixedHex(AuditDigest.sha256Prefix, digest, into: &prevBytes)
                bytes.append(0x0A)
            }
        }
        prev = String(decoding: prevBytes, as: UTF8.self)
        if !bytes.isEmpty {
            try file.appendAll(bytes, restoring: size)
            if created { file.syncFolder() }
            AuditLogTail.shared.remember(AuditLogTail.Line(bytes: Array(bytes[lastStart..<bytes.count - 1]), seq: seq, key: key, digest: prev))
        }
        return repaired
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

    /// Appends the records' entries as `append(records:to:key:time:)` does, serialized straight from the
    /// records (`PreparedAuditEntries(_:key:time:)`) without building the entries it returns; gives only the
    /// lines for standard error (a repaired torn line).
    static func appendRecords(_ records: [AuditRecord], to path: String, key: AuditKey?, time: Date = Date()) throws(AuditLogError) -> [String] {
        var sets: [PreparedAuditEntries] = []
        sets.reserveCapacity(records.count)
        for r in records { sets.append(try PreparedAuditEntries(r, key: key, time: time)) }
        return try appendPrepared(sets, to: path, key: key)
    }

    /// Appends entries serialized ahead (`append(_:to:key:each:)`); gives only the lines for standard error
    /// (a repaired torn line). What `ReleaseWriter` uses.
    static func appendPrepared(_ sets: [PreparedAuditEntries], to path: String, key: AuditKey?) throws(AuditLogError) -> [String] {
        let repaired = try append(sets, to: path, key: key)
        return repaired > 0 ? [AuditAppendResult.repairWarning(bytes: repaired)] : []
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
