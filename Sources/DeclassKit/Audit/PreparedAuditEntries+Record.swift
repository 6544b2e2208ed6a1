import Crypto
import Foundation

extension PreparedAuditEntries {
    /// The entries `AuditLog` appends for `record` (`AuditRecord.entries(key:time:)`), serialized ahead:
    /// what `declass redact` and a sweep's workers do for each release before its entries are chained.
    public init(_ record: AuditRecord, key: AuditKey?, time: Date) throws(AuditLogError) {
        self = try Self.record(record, key: key, time: time).entries
    }

    /// The entries of one written release, read from its parts where they stand: the pieces of
    /// `PreparedAuditEntries(AuditRecord(release:…), key:, time:)` without the record's copy of every part.
    public init(release withheld: [WithheldPart], review: Review, cable: Cable, policy: Policy, output: String, bytes: [UInt8],
                caseID: String?, docNo: String?, key: AuditKey?, time: Date) throws(AuditLogError) {
        // The document digest's string is not made: only a sweep, which records it, asks for it.
        self = try Self.releaseDigested(withheld, review: review, cable: cable, policy: policy, output: output, bytes: bytes, caseID: caseID,
                                        docNo: docNo, key: key, time: time).entries
    }

    /// `init(release:…)`, with the document entry's digest (`sha256:` of the output's bytes).
    static func release(_ withheld: [WithheldPart], review: Review, cable: Cable, policy: Policy, output: String, bytes: [UInt8],
                        caseID: String?, docNo: String?, key: AuditKey?, time: Date) throws(AuditLogError)
        -> (entries: PreparedAuditEntries, documentDigest: String) {
        let prepared = try releaseDigested(withheld, review: review, cable: cable, policy: policy, output: output, bytes: bytes,
                                           caseID: caseID, docNo: docNo, key: key, time: time)
        return (prepared.entries, AuditDigest.prefixedHex(AuditDigest.sha256Prefix, prepared.outputDigest))
    }

    /// `init(release:…)`, with the SHA-256 of the output's bytes as its 32 bytes.
    private static func releaseDigested(_ withheld: [WithheldPart], review: Review, cable: Cable, policy: Policy, output: String,
                                        bytes: [UInt8], caseID: String?, docNo: String?, key: AuditKey?, time: Date) throws(AuditLogError)
        -> (entries: PreparedAuditEntries, outputDigest: SHA256.Digest) {
        let context = AuditRecord.releaseContext(review: review, cable: cable, policy: policy, caseID: caseID, docNo: docNo)
        let document = AuditRecord.releaseDocument(review: review, output: output, bytes: bytes)
        let prepared = try entries(withheld, context: context, document: document, key: key, time: time)
        assert(prepared.entries == (try! Self.record(AuditRecord(release: withheld, review: review, cable: cable, policy: policy, output: output,
                                                                 bytes: bytes, caseID: caseID, docNo: docNo), key: key, time: time).entries),
               "a release's pieces disagree with its record's")
        return prepared
    }

    /// A record's entries serialized straight from its parts (`entries(_:context:document:key:time:)`), with
    /// the document entry's digest.
    static func record(_ record: AuditRecord, key: AuditKey?, time: Date) throws(AuditLogError)
        -> (entries: PreparedAuditEntries, documentDigest: String) {
        let prepared = try entries(record.withheld, context: record.context, document: record.document, key: key, time: time)
        assert(prepared.entries == PreparedAuditEntries(try! record.entries(key: key, time: time)), "direct pieces disagree with the entries'")
        return (prepared.entries, AuditDigest.prefixedHex(AuditDigest.sha256Prefix, prepared.outputDigest))
    }

    /// The entries of `parts` and `document`, digests computed under `key`, stamped `time`: the pieces
    /// `PreparedAuditEntries(record.entries(key:time:))` holds, without building the entries (each about
    /// twenty strings retained, copied and released) nor a digest string per entry (its hex is written in
    /// place). Refuses what `entries(key:time:)` refuses. `outputDigest` is the SHA-256 of the document's bytes
    /// (the document entry's digest, as bytes).
    private static func entries<Part: AuditedPart>(_ parts: [Part], context: AuditContext, document: AuditDocument, key: AuditKey?,
                                                   time: Date) throws(AuditLogError) -> (entries: PreparedAuditEntries, outputDigest: SHA256.Digest) {
        let capacity = try checkedBound(parts, document: document)
        let timestamp = AuditEntry.timestamp(time)
        let outputDigest = document.bytes.withUnsafeBytes { AuditDigest.digest($0, key: nil) }
        var cuts: [Cut] = []
        cuts.reserveCapacity(parts.count + 1)
        let shared = SharedPieces(context, timestamp: timestamp)
        let bytes = shared.bytes.withUnsafeBufferPointer { s in
            CanonicalJSON.Writer.bytes(capacity: capacity + (parts.count + 1) * shared.bytes.count) { w in
                // Each part taken out of the array once (read through the array for the digest and again for the
                // entry, it was copied, its strings retained and released, for each).
                for part in parts {
                    let (length, digest) = digest(of: part.text, key: key)
                    writeWithheld(part, length: length, digest: digest, keyed: key != nil, shared: shared, s, into: &w, cuts: &cuts)
                }
                writeDocument(document, digest: outputDigest, shared: shared, s, into: &w, cuts: &cuts)
            }
        }
        return (PreparedAuditEntries(bytes: bytes, cuts: cuts), outputDigest)
    }

    /// The character count and digest of a withheld text (its normal form's, keyed when `key` is given):
    /// `AuditDigest.withheld`, the characters counted apart only for a text not already in simple normal form.
    private static func digest(of text: String, key: AuditKey?) -> (length: Int, digest: SHA256.Digest) {
        let (simple, digest) = AuditDigest.withheld(text, key: key)
        return (simple ?? AuditEntry.characters(text), digest)
    }

    /// At least as many bytes as the entries take but their shared pieces: for each entry 512 for keys,
    /// punctuation, integers, nulls and a digest, plus `Writer.bound` of each string of its own. Refuses a
    /// part that is a document or a release (what `entries(key:time:)` refuses), in the same pass.
    private static func checkedBound<Part: AuditedPart>(_ parts: [Part], document d: AuditDocument) throws(AuditLogError) -> Int {
        func b(_ s: String?) -> Int { CanonicalJSON.Writer.bound(s?.utf8.count ?? 0) }
        var n = 512 * (parts.count + 1)
        for p in parts {
            guard p.auditKind != .document else { throw AuditLogError.notWithheld(unit: p.auditUnit, reason: "kind is document") }
            guard p.action != .release else { throw AuditLogError.notWithheld(unit: p.auditUnit, reason: "action is release") }
            n += b(p.authority) + b(p.exemption?.code) + b(p.rule) + b(p.auditUnit)
            p.forEachAuditRule { n += b($0) + 1 }
        }
        return n + b(d.disposition.rawValue) + b(d.stamp) + b(d.output)
    }

    /// The runs of a record's lines that every entry shares (its context and time, with the keys around
    /// them), escaped once in one array: each entry copies them instead of escaping the same strings again.
    private struct SharedPieces {
        var bytes: [UInt8] = []
        /// `,"asOf":…,"authority":`
        var asOf = 0..<0
        /// `,"cable":…,"case":…,"digest":`
        var cable = 0..<0
        /// `,"docNo":…,"exemption":`
        var docNo = 0..<0
        /// `,"file":…,"kind":`
        var file = 0..<0
        /// `,"policy":{…},"prev":`
        var policy = 0..<0
        /// `,"time":…,"tool":…,"unit":`
        var time = 0..<0

        /// The shared runs of `c`'s entries stamped `timestamp`, escaped into `bytes`, with where each stands.
        init(_ c: AuditContext, timestamp: String) {
            func b(_ s: String?) -> Int { CanonicalJSON.Writer.bound(s?.utf8.count ?? 0) }
            var n = 256 + b(c.asOfText) + b(c.cable) + b(c.caseID) + b(c.docNo) + b(c.file) + b(c.tool) + b(timestamp)
            n += b(c.policy.digest) + b(c.policy.name) + b(c.policy.version)
            // Where each run ends, in six locals (an array of them was grown, and reallocated, on every release).
            var marks = (0, 0, 0, 0, 0, 0)
            bytes = CanonicalJSON.Writer.bytes(capacity: n) { w in
                w.raw(",\"asOf\":"); w.string(c.asOfText); w.raw(",\"authority\":")
                marks.0 = w.count
                w.raw(",\"cable\":"); w.string(c.cable); w.raw(",\"case\":"); w.string(c.caseID); w.raw(",\"digest\":")
                marks.1 = w.count
                w.raw(",\"docNo\":"); w.string(c.docNo); w.raw(",\"exemption\":")
                marks.2 = w.count
                w.raw(",\"file\":"); w.string(c.file); w.raw(",\"kind\":")
                marks.3 = w.count
                w.raw(",\"policy\":{\"digest\":"); w.string(c.policy.digest)
                w.raw(",\"name\":"); w.string(c.policy.name)
                w.raw(",\"version\":"); w.string(c.policy.version)
                w.raw("},\"prev\":")
                marks.4 = w.count
                w.raw(",\"time\":"); w.string(timestamp); w.raw(",\"tool\":"); w.string(c.tool); w.raw(",\"unit\":")
                marks.5 = w.count
            }
            asOf = 0..<marks.0
            cable = marks.0..<marks.1
            docNo = marks.1..<marks.2
            file = marks.2..<marks.3
            policy = marks.3..<marks.4
            time = marks.4..<marks.5
        }
    }

    /// Writes the pieces of a withheld part's entry (as `AuditEntry(withheld:…)` holds it) and marks its cuts;
    /// `s` holds the shared pieces' bytes.
    private static func writeWithheld<Part: AuditedPart>(_ p: Part, length: Int, digest: SHA256.Digest, keyed: Bool, shared: SharedPieces,
                                      _ s: UnsafeBufferPointer<UInt8>, into w: inout CanonicalJSON.Writer, cuts: inout [Cut]) {
        switch p.action {
        case .withhold: w.raw("{\"action\":\"withhold\"")
        case .redact: w.raw("{\"action\":\"redact\"")
        case .release: preconditionFailure("a released part has no entry (refused by entries(_:context:document:key:time:))")
        }
        w.raw(s, shared.asOf); w.string(p.authority)
        w.raw(s, shared.cable)
        if keyed { w.digest(prefix: "hmac-sha256:", digest) } else { w.digest(prefix: "sha256:", digest) }
        w.raw(s, shared.docNo); w.string(p.exemption?.code)
        w.raw(s, shared.file)
        switch p.auditKind {
        case .unit: w.raw("\"unit\"")
        case .span: w.raw("\"span\"")
        case .document: preconditionFailure("a withheld part is never a document (refused by entries(_:context:document:key:time:))")
        }
        w.raw(",\"length\":"); w.int(length)
        w.raw(",\"line\":"); w.int(p.line)
        let mac = w.count
        w.raw(",\"output\":null")
        w.raw(s, shared.policy)
        let prev = w.count
        w.raw(",\"rule\":"); w.string(p.rule)
        w.raw(",\"rules\":[")
        var first = true
        p.forEachAuditRule { r in
            if !first { w.raw(",") }
            first = false
            w.string(r)
        }
        w.raw("],\"seq\":")
        let seq = w.count
        w.raw(",\"stamp\":null")
        w.raw(s, shared.time); w.string(p.auditUnit)
        w.raw("}")
        cuts.append(Cut(mac: mac, prev: prev, seq: seq, end: w.count))
    }

    /// Writes the pieces of a document's entry (as `AuditEntry(document:…)` holds it) and marks its cuts.
    private static func writeDocument(_ d: AuditDocument, digest: SHA256.Digest, shared: SharedPieces, _ s: UnsafeBufferPointer<UInt8>,
                                      into w: inout CanonicalJSON.Writer, cuts: inout [Cut]) {
        w.raw("{\"action\":"); w.string(d.disposition.rawValue)
        w.raw(s, shared.asOf); w.raw("null")
        w.raw(s, shared.cable); w.digest(prefix: "sha256:", digest)
        w.raw(s, shared.docNo); w.raw("null")
        w.raw(s, shared.file); w.raw("\"document\",\"length\":null,\"line\":null")
        let mac = w.count
        w.raw(",\"output\":"); w.string(d.output)
        w.raw(s, shared.policy)
        let prev = w.count
        w.raw(",\"rule\":null,\"rules\":[],\"seq\":")
        let seq = w.count
        w.raw(",\"stamp\":"); w.string(d.stamp)
        w.raw(s, shared.time); w.raw("null}")
        cuts.append(Cut(mac: mac, prev: prev, seq: seq, end: w.count))
    }
}

/// What a withheld part's entry is written from: an `AuditWithheld`, or a release's `WithheldPart` read where
/// it stands (as `AuditRecord(release:…)` would make it an `AuditWithheld`).
protocol AuditedPart {
    /// `.unit` or `.span`.
    var auditKind: AuditKind { get }
    /// The entry's `unit`.
    var auditUnit: String { get }
    /// The entry's `line`: the part's first line in the cable.
    var line: Int { get }
    /// `.withhold` or `.redact` (a `.release` is refused).
    var action: PolicyAction { get }
    /// The entry's `rule`: the rule that decided the part, if any.
    var rule: String? { get }
    /// The entry's `exemption`.
    var exemption: Exemption? { get }
    /// The entry's `authority` (for B1).
    var authority: String? { get }
    /// The withheld text: digested and counted, never written.
    var text: String { get }
    /// Calls `body` with each of the entry's `rules`, in order (without building an array for them).
    func forEachAuditRule(_ body: (String) -> Void)
}

extension AuditWithheld: AuditedPart {
    var auditKind: AuditKind { kind }
    var auditUnit: String { unit }
    func forEachAuditRule(_ body: (String) -> Void) { for r in rules { body(r) } }
}

extension WithheldPart: AuditedPart {
    var auditKind: AuditKind { action == .withhold ? .unit : .span }
    var auditUnit: String { label }
    /// A withheld unit's matching rules; a span's own rule alone (none when the default decided).
    func forEachAuditRule(_ body: (String) -> Void) {
        if action == .withhold {
            for r in rules { body(r) }
        } else if let rule {
            body(rule)
        }
    }
}
