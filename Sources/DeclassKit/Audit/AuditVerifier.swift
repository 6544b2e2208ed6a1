/// Checks an audit log's chain: `seq` counts up from 1, each `prev` is the digest of the line before, each
/// line is written as declass writes it, and (with the key) each MAC matches. Reports the first broken
/// entry: changed, removed, reordered, inserted or truncated.
public enum AuditVerifier {
    /// Verifies the log at `path`; throws only when it cannot be read.
    public static func verify(path: String, key: AuditKey?) throws(AuditLogError) -> AuditVerification {
        verify(try AuditLogReader(path: path), key: key)
    }

    /// Verifies a log's bytes (named `path` in messages).
    public static func verify(bytes: [UInt8], path: String, key: AuditKey?) -> AuditVerification {
        verify(AuditLogReader(path: path, bytes: bytes), key: key)
    }

    static func verify(_ log: AuditLogReader, key: AuditKey?) -> AuditVerification {
        var checked = 0
        var expected = 1
        var prev = AuditDigest.genesis
        var lineOf: [Int: Int] = [:]
        var logHasMACs: Bool?
        func result(_ line: Int, _ kind: AuditTampering, _ message: String) -> AuditVerification {
            let status: AuditMACStatus = key != nil ? .verified : (logHasMACs == true ? .notCheckedWithoutKey : .absent)
            return AuditVerification(path: log.path, entries: checked, macs: status,
                                     problem: AuditProblem(path: log.path, line: line, kind: kind, message: message), head: prev)
        }
        for i in log.lines.indices {
            let number = i + 1
            let isLast = i == log.lines.count - 1
            let bytes = log.line(i)
            if isLast, !log.endsWithNewline {
                return result(number, .truncated, "the last line has no newline: the log was cut or a write was interrupted")
            }
            let entry: AuditEntry
            do { entry = try AuditEntry.decode(line: bytes) } catch {
                let reason = AuditLogReader.reason(error)
                return isLast ? result(number, .truncated, "the last line is not a valid entry (\(reason)): the log was cut")
                              : result(number, .changed, "not a valid audit entry (\(reason))")
            }
            let seq = entry.seq
            if seq != expected {
                if let first = lineOf[seq] {
                    return result(number, .inserted, "entry \(seq) appears a second time (first at line \(first))")
                }
                if seq < expected { return result(number, .reordered, "entry \(seq) comes after entry \(expected - 1)") }
                if let later = line(ofSeq: expected, in: log, after: i) {
                    return result(number, .reordered, "entry \(seq) stands before entry \(expected) (line \(later))")
                }
                let missing = seq - 1 == expected ? "entry \(expected) is missing" : "entries \(expected)–\(seq - 1) are missing"
                let from = expected == 1 ? "the log starts at entry \(seq)" : "seq goes from \(expected - 1) to \(seq)"
                return result(number, .removed, "\(missing) (\(from))")
            }
            if entry.prev != prev {
                if i == 0 {
                    return result(number, .changed, "entry 1's prev is not the chain's start (sha256: and 64 zeros)")
                }
                return result(number - 1, .changed,
                              "entry \(seq - 1) does not hash to the prev recorded by entry \(seq) on line \(number) (this line was edited, or the next line was inserted)")
            }
            if entry.lineBytes.elementsEqual(bytes) == false {
                return result(number, .changed, "entry \(seq) is not written the way declass writes it (its JSON was edited)")
            }
            if let key {
                guard let mac = entry.mac else {
                    return result(number, .changed, "entry \(seq) has no MAC, but a key was given (the log was written without a key, or its MACs were removed)")
                }
                if entry.expectedMAC(key: key) != mac {
                    return result(number, .changed, "entry \(seq)'s MAC does not match its content (or the key is not the one the log was written with)")
                }
            } else if let has = logHasMACs, has != (entry.mac != nil) {
                return result(number, .changed, has ? "entry \(seq) has no MAC, but the entries before it have one"
                                                    : "entry \(seq) has a MAC, but the entries before it have none")
            }
            logHasMACs = logHasMACs ?? (entry.mac != nil)
            lineOf[seq] = number
            expected = seq + 1
            prev = AuditDigest.sha256(bytes)
            checked += 1
        }
        let status: AuditMACStatus = key != nil ? .verified : (logHasMACs == true ? .notCheckedWithoutKey : .absent)
        return AuditVerification(path: log.path, entries: checked, macs: status, problem: nil, head: prev)
    }

    /// The line number of the entry numbered `seq` after line index `index`, if any.
    private static func line(ofSeq seq: Int, in log: AuditLogReader, after index: Int) -> Int? {
        for j in (index + 1)..<log.lines.count {
            if let e = try? AuditEntry.decode(line: log.line(j)), e.seq == seq { return j + 1 }
        }
        return nil
    }
}
