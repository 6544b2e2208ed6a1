import Crypto
import Foundation

extension PreparedAuditEntries {
    /// The entries `AuditLog` appends for `record` (`AuditRecord.entries(key:time:)`), serialized ahead:
    /// what `declass redact` and a sweep's workers do for each release before its entries are chained.
    public init(_ record: AuditRecord, key: AuditKey?, time: Date) throws(AuditLogError) {
        self = try Self.record(record, key: key, time: time).entries
    }

    /// A record's entries serialized straight from its parts, digests computed under `key`, stamped `time`:
    /// the pieces `PreparedAuditEntries(record.entries(key:time:))` holds, without building the entries (each
    /// about twenty strings retained, copied and released) nor a digest string per entry (its hex is written
    /// in place). Refuses what `entries(key:time:)` refuses. `documentDigest` is the document entry's digest.
    static func record(_ record: AuditRecord, key: AuditKey?, time: Date) throws(AuditLogError)
        -> (entries: PreparedAuditEntries, documentDigest: String) {
        for w in record.withheld {
            guard w.kind != .document else { throw AuditLogError.notWithheld(unit: w.unit, reason: "kind is document") }
            guard w.action != .release else { throw AuditLogError.notWithheld(unit: w.unit, reason: "action is release") }
        }
        let timestamp = AuditEntry.timestamp(time)
        let context = record.context
        let document = record.document
        let outputDigest = document.bytes.withUnsafeBytes { b in
            var h = SHA256()
            h.update(bufferPointer: b)
            return h.finalize()
        }
        var cuts: [Cut] = []
        cuts.reserveCapacity(record.withheld.count + 1)
        let bytes = CanonicalJSON.Writer.bytes(capacity: bound(record, timestamp: timestamp)) { w in
            for part in record.withheld {
                let (length, digest) = digest(of: part.text, key: key)
                writeWithheld(part, length: length, digest: digest, keyed: key != nil, context: context,
                              timestamp: timestamp, into: &w, cuts: &cuts)
            }
            writeDocument(document, digest: outputDigest, context: context, timestamp: timestamp, into: &w, cuts: &cuts)
        }
        let prepared = PreparedAuditEntries(bytes: bytes, cuts: cuts)
        assert(prepared == PreparedAuditEntries(try! record.entries(key: key, time: time)), "direct pieces disagree with the entries'")
        return (prepared, AuditDigest.prefixedHex(AuditDigest.sha256Prefix, outputDigest))
    }

    /// The character count and digest of a withheld text (its normal form's, keyed when `key` is given):
    /// the text's own bytes when already in normal form (most are), else its normal form's.
    private static func digest(of text: String, key: AuditKey?) -> (length: Int, digest: SHA256.Digest) {
        func digest(_ b: UnsafeRawBufferPointer) -> SHA256.Digest {
            if let key { return key.code(b) }
            var h = SHA256()
            h.update(bufferPointer: b)
            return h.finalize()
        }
        var utf8 = text
        let simple = utf8.withUTF8 { b in AuditDigest.simpleNormalCharacters(b).map { ($0, digest(UnsafeRawBufferPointer(b))) } }
        if let simple { return simple }
        return (AuditEntry.characters(text), AuditDigest.normalizedBytes(text).withUnsafeBytes { digest($0) })
    }

    /// At least as many bytes as the record's entries take: for each entry 512 for keys, punctuation,
    /// integers, nulls and a digest, plus `Writer.bound` of each string it holds (the context's in all).
    private static func bound(_ record: AuditRecord, timestamp: String) -> Int {
        func b(_ s: String?) -> Int { CanonicalJSON.Writer.bound(s?.utf8.count ?? 0) }
        let c = record.context
        var shared = 512 + b(c.asOfText) + b(c.cable) + b(c.caseID) + b(c.docNo) + b(c.file) + b(c.tool) + b(timestamp)
        shared += b(c.policy.digest) + b(c.policy.name) + b(c.policy.version) + 2 * b("withhold") + b("hmac-sha256:") + 128
        var n = shared * (record.withheld.count + 1)
        for w in record.withheld {
            n += b(w.authority) + b(w.exemption?.code) + b(w.rule) + b(w.unit)
            for r in w.rules { n += b(r) + 1 }
        }
        let d = record.document
        return n + b(d.disposition.rawValue) + b(d.stamp) + b(d.output)
    }

    /// Writes the pieces of a withheld part's entry (as `AuditEntry(withheld:…)` holds it) and marks its cuts.
    private static func writeWithheld(_ p: AuditWithheld, length: Int, digest: SHA256.Digest, keyed: Bool, context c: AuditContext,
                                      timestamp: String, into w: inout CanonicalJSON.Writer, cuts: inout [Cut]) {
        switch p.action {
        case .withhold: w.raw("{\"action\":\"withhold\"")
        default: w.raw("{\"action\":\"redact\"")
        }
        w.raw(",\"asOf\":"); w.string(c.asOfText)
        w.raw(",\"authority\":"); w.string(p.authority)
        w.raw(",\"cable\":"); w.string(c.cable)
        w.raw(",\"case\":"); w.string(c.caseID)
        w.raw(",\"digest\":")
        if keyed { w.digest(prefix: "hmac-sha256:", digest) } else { w.digest(prefix: "sha256:", digest) }
        w.raw(",\"docNo\":"); w.string(c.docNo)
        w.raw(",\"exemption\":"); w.string(p.exemption?.code)
        w.raw(",\"file\":"); w.string(c.file)
        switch p.kind {
        case .unit: w.raw(",\"kind\":\"unit\"")
        default: w.raw(",\"kind\":\"span\"")
        }
        w.raw(",\"length\":"); w.int(length)
        w.raw(",\"line\":"); w.int(p.line)
        let mac = w.count
        w.raw(",\"output\":null")
        writePolicy(c.policy, into: &w)
        let prev = w.count
        w.raw(",\"rule\":"); w.string(p.rule)
        w.raw(",\"rules\":[")
        for (i, r) in p.rules.enumerated() {
            if i > 0 { w.raw(",") }
            w.string(r)
        }
        w.raw("],\"seq\":")
        let seq = w.count
        w.raw(",\"stamp\":null")
        w.raw(",\"time\":"); w.string(timestamp)
        w.raw(",\"tool\":"); w.string(c.tool)
        w.raw(",\"unit\":"); w.string(p.unit)
        w.raw("}")
        cuts.append(Cut(mac: mac, prev: prev, seq: seq, end: w.count))
    }

    /// Writes the pieces of a document's entry (as `AuditEntry(document:…)` holds it) and marks its cuts.
    private static func writeDocument(_ d: AuditDocument, digest: SHA256.Digest, context c: AuditContext, timestamp: String,
                                      into w: inout CanonicalJSON.Writer, cuts: inout [Cut]) {
        w.raw("{\"action\":"); w.string(d.disposition.rawValue)
        w.raw(",\"asOf\":"); w.string(c.asOfText)
        w.raw(",\"authority\":null")
        w.raw(",\"cable\":"); w.string(c.cable)
        w.raw(",\"case\":"); w.string(c.caseID)
        w.raw(",\"digest\":"); w.digest(prefix: "sha256:", digest)
        w.raw(",\"docNo\":"); w.string(c.docNo)
        w.raw(",\"exemption\":null")
        w.raw(",\"file\":"); w.string(c.file)
        w.raw(",\"kind\":\"document\",\"length\":null,\"line\":null")
        let mac = w.count
        w.raw(",\"output\":"); w.string(d.output)
        writePolicy(c.policy, into: &w)
        let prev = w.count
        w.raw(",\"rule\":null,\"rules\":[],\"seq\":")
        let seq = w.count
        w.raw(",\"stamp\":"); w.string(d.stamp)
        w.raw(",\"time\":"); w.string(timestamp)
        w.raw(",\"tool\":"); w.string(c.tool)
        w.raw(",\"unit\":null}")
        cuts.append(Cut(mac: mac, prev: prev, seq: seq, end: w.count))
    }

    /// `,"policy":{…},"prev":`, as `AuditEntry.writeMiddle` ends.
    private static func writePolicy(_ p: AuditPolicy, into w: inout CanonicalJSON.Writer) {
        w.raw(",\"policy\":{\"digest\":"); w.string(p.digest)
        w.raw(",\"name\":"); w.string(p.name)
        w.raw(",\"version\":"); w.string(p.version)
        w.raw("},\"prev\":")
    }
}
