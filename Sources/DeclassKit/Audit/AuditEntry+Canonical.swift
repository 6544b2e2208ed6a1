import Foundation

extension AuditEntry {
    /// The entry's canonical JSON as a value, with or without its `mac`: the reference form of what
    /// `canonicalBytes(includingMAC:)` writes directly (debug builds check that the two agree).
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

    /// The entry's canonical JSON bytes, with or without its `mac`, written in one pass: the keys are fixed,
    /// so they are written in their sorted order (by UTF-8 bytes) without sorting or building values.
    func canonicalBytes(includingMAC: Bool) -> [UInt8] {
        let bytes = CanonicalJSON.Writer.bytes(capacity: canonicalBound) { w in writeCanonical(into: &w, includingMAC: includingMAC) }
        assert(bytes == canonical(includingMAC: includingMAC).bytes, "canonical writer disagrees with CanonicalJSON")
        return bytes
    }

    /// At least as many bytes as the canonical JSON can take: 23 keys with their punctuation, three integers
    /// and nulls fit in 512; each string at most `Writer.bound` of its bytes.
    var canonicalBound: Int {
        func b(_ s: String?) -> Int { CanonicalJSON.Writer.bound(s?.utf8.count ?? 0) }
        var n = 512 + b(action) + b(asOf) + b(authority) + b(cable) + b(caseID) + b(digest) + b(docNo) + b(exemption)
        n += b(file) + b(kind.rawValue) + b(mac) + b(output) + b(policy.digest) + b(policy.name) + b(policy.version)
        n += b(prev) + b(rule) + b(stamp) + b(time) + b(tool) + b(unit)
        for r in rules { n += b(r) + 1 }
        return n
    }

    private func writeCanonical(into w: inout CanonicalJSON.Writer, includingMAC: Bool) {
        writeHead(into: &w)
        if includingMAC, let mac { w.raw(",\"mac\":"); w.string(mac) }
        writeMiddle(into: &w)
        w.string(prev)
        writeAfterPrev(into: &w)
        w.int(seq)
        writeTail(into: &w)
    }

    /// The members before `mac`: `{"action":` … `"line":N`.
    func writeHead(into w: inout CanonicalJSON.Writer) {
        w.raw("{\"action\":"); w.string(action)
        w.raw(",\"asOf\":"); w.string(asOf)
        w.raw(",\"authority\":"); w.string(authority)
        w.raw(",\"cable\":"); w.string(cable)
        w.raw(",\"case\":"); w.string(caseID)
        w.raw(",\"digest\":"); w.string(digest)
        w.raw(",\"docNo\":"); w.string(docNo)
        w.raw(",\"exemption\":"); w.string(exemption)
        w.raw(",\"file\":"); w.string(file)
        w.raw(",\"kind\":"); w.string(kind.rawValue)
        w.raw(",\"length\":"); w.int(length)
        w.raw(",\"line\":"); w.int(line)
    }

    /// The members after `mac` up to `prev`'s value: `,"output":` … `,"prev":`.
    func writeMiddle(into w: inout CanonicalJSON.Writer) {
        w.raw(",\"output\":"); w.string(output)
        w.raw(",\"policy\":{\"digest\":"); w.string(policy.digest)
        w.raw(",\"name\":"); w.string(policy.name)
        w.raw(",\"version\":"); w.string(policy.version)
        w.raw("},\"prev\":")
    }

    /// The members after `prev` up to `seq`'s value: `,"rule":` … `,"seq":`.
    func writeAfterPrev(into w: inout CanonicalJSON.Writer) {
        w.raw(",\"rule\":"); w.string(rule)
        w.raw(",\"rules\":[")
        for (i, r) in rules.enumerated() {
            if i > 0 { w.raw(",") }
            w.string(r)
        }
        w.raw("],\"seq\":")
    }

    /// The members after `seq`: `,"stamp":` … `}`.
    func writeTail(into w: inout CanonicalJSON.Writer) {
        w.raw(",\"stamp\":"); w.string(stamp)
        w.raw(",\"time\":"); w.string(time)
        w.raw(",\"tool\":"); w.string(tool)
        w.raw(",\"unit\":"); w.string(unit)
        w.raw("}")
    }

    /// The line the log holds for this entry (without its newline).
    public var lineBytes: [UInt8] { canonicalBytes(includingMAC: true) }

    /// The MAC this entry must carry under `key`: HMAC-SHA256 of its canonical JSON without `mac`.
    public func expectedMAC(key: AuditKey) -> String {
        key.authenticationCode(for: canonicalBytes(includingMAC: false))
    }

    /// Reads one log line (without its newline).
    static func decode(line: some Collection<UInt8>) throws -> AuditEntry {
        try JSONDecoder().decode(AuditEntry.self, from: Data(line))
    }
}
