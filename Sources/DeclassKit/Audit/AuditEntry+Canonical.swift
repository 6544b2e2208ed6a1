import Foundation

extension AuditEntry {
    /// The entry's canonical JSON, with or without its `mac`.
    func canonical(includingMAC: Bool) -> CanonicalJSON {
        var members: [String: CanonicalJSON] = [
            "seq": .int(seq), "kind": .string(kind.rawValue), "time": .string(time), "tool": .string(tool),
            "cable": .string(cable), "file": .string(file), "unit": .string(unit), "line": .int(line),
            "action": .string(action), "rule": .string(rule), "rules": .array(rules.map { .string($0) }),
            "exemption": .string(exemption), "authority": .string(authority), "length": .int(length),
            "digest": .string(digest), "stamp": .string(stamp), "output": .string(output),
            "policy": policy.canonical, "asOf": .string(asOf), "case": .string(caseID), "docNo": .string(docNo),
            "prev": .string(prev),
        ]
        if includingMAC, let mac { members["mac"] = .string(mac) }
        return .object(members)
    }

    /// The line the log holds for this entry (without its newline).
    public var lineBytes: [UInt8] { canonical(includingMAC: true).bytes }

    /// The MAC this entry must carry under `key`: HMAC-SHA256 of its canonical JSON without `mac`.
    public func expectedMAC(key: AuditKey) -> String {
        key.authenticationCode(for: canonical(includingMAC: false).bytes)
    }

    /// Reads one log line (without its newline).
    static func decode(line: some Collection<UInt8>) throws -> AuditEntry {
        try JSONDecoder().decode(AuditEntry.self, from: Data(line))
    }
}
