/// Settles a disputed withholding: whether a candidate text is the text withheld at an entry, by
/// digesting the candidate's normal form the way the entry's digest was made.
public enum AuditProver {
    /// Proves `candidate` against entry `entry` (its `seq`) of the log at `path`.
    public static func prove(path: String, entry number: Int, candidate: String, key: AuditKey?) throws(AuditProofError) -> AuditProof {
        let log: AuditLogReader
        let entries: [AuditEntry]
        do {
            log = try AuditLogReader(path: path)
            entries = try log.entries()
        } catch { throw .log(error) }
        guard let index = entries.firstIndex(where: { $0.seq == number }) else {
            throw .noSuchEntry(path: path, entry: number, count: entries.count)
        }
        return try prove(entries[index], line: index + 1, path: path, candidate: candidate, key: key)
    }

    /// Proves `candidate` against one entry (at `line` of `path`, for messages). A key is needed for a keyed
    /// digest and checked against the entry's MAC; for a plain `sha256:` digest it is not used.
    public static func prove(_ entry: AuditEntry, line: Int, path: String, candidate: String, key: AuditKey?) throws(AuditProofError) -> AuditProof {
        guard entry.isWithheld else { throw .documentEntry(path: path, entry: entry.seq, line: line) }
        let keyed = entry.digest.hasPrefix(AuditDigest.hmacPrefix)
        switch (keyed, key) {
        case (true, nil): throw .keyRequired(path: path, entry: entry.seq, line: line)
        case (true, .some(let key)):
            if let mac = entry.mac, entry.expectedMAC(key: key) != mac { throw .wrongKey(path: path, entry: entry.seq, line: line) }
        case (false, _): break
        }
        return AuditProof(entry: entry, matches: AuditDigest.ofWithheld(candidate, key: keyed ? key : nil) == entry.digest)
    }
}
