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
        self = try Self.releaseDigested(withheld, review: review, stamp: review.stampLine, cable: cable, policy: policy, output: output,
                                        bytes: bytes, caseID: caseID, docNo: docNo, key: key, time: time).entries
    }

    /// `init(release: release.withheld, review: release.review, …)`, the document's stamp read from the
    /// release's text (`ReleaseStamp.dispositionLine`) instead of made again from the review's decisions.
    public init(release: Release, cable: Cable, policy: Policy, output: String, bytes: [UInt8], caseID: String?, docNo: String?,
                key: AuditKey?, time: Date) throws(AuditLogError) {
        self = try Self.releaseDigested(release.withheld, review: release.review, stamp: release.text.stamp.dispositionLine, cable: cable,
                                        policy: policy, output: output, bytes: bytes, caseID: caseID, docNo: docNo, key: key,
                                        time: time).entries
    }

    /// `init(release:…)`, with the document entry's digest (`sha256:` of the output's bytes).
    static func release(_ withheld: [WithheldPart], review: Review, cable: Cable, policy: Policy, output: String, bytes: [UInt8],
                        caseID: String?, docNo: String?, key: AuditKey?, time: Date) throws(AuditLogError)
        -> (entries: PreparedAuditEntries, documentDigest: String) {
        let prepared = try releaseDigested(withheld, review: review, stamp: review.stampLine, cable: cable, policy: policy, output: output,
                                           bytes: bytes, caseID: caseID, docNo: docNo, key: key, time: time)
        return (prepared.entries, AuditDigest.prefixedHex(AuditDigest.sha256Prefix, prepared.outputDigest))
    }

    /// `init(release:…)`, with the SHA-256 of the output's bytes as its 32 bytes; `stamp` is `review.stampLine`.
    private static func releaseDigested(_ withheld: [WithheldPart], review: Review, stamp: String, cable: Cable, policy: Policy,
                                        output: String, bytes: [UInt8], caseID: String?, docNo: String?, key: AuditKey?,
                                        time: Date) throws(AuditLogError)
        -> (entries: PreparedAuditEntries, outputDigest: SHA256.Digest) {
        // The shared pieces written from the release's parts where they stand: `releaseContext` built an
        // `AuditContext` (its strings retained and released, `sha256:` prepended to the policy's digest in a
        // new string, the date formatted) only to have them written.
        let timestamp = AuditEntry.timestamp(time)
        let shared = SharedPieces(asOf: review.asOf.description, cable: cable.id, caseID: caseID, docNo: docNo, file: cable.name,
                                  policyDigest: policy.digest, policyName: policy.name, policyVersion: policy.version,
                                  timestamp: timestamp, tool: AuditEntry.tool, keyed: key != nil)
        let document = AuditDocument(disposition: review.disposition, stamp: stamp, output: output, bytes: bytes)
        let prepared = try entries(withheld, shared: shared, document: document, key: key)
        assert(prepared.entries == (try! Self.record(AuditRecord(release: withheld, review: review, cable: cable, policy: policy, output: output,
                                                                 bytes: bytes, caseID: caseID, docNo: docNo), key: key, time: time).entries),
               "a release's pieces disagree with its record's")
        return prepared
    }

    /// A record's entries serialized straight from its parts (`entries(_:context:document:key:time:)`), with
    /// the document entry's digest.
    static func record(_ record: AuditRecord, key: AuditKey?, time: Date) throws(AuditLogError)
        -> (entries: PreparedAuditEntries, documentDigest: String) {
        let shared = SharedPieces(record.context, timestamp: AuditEntry.timestamp(time), keyed: key != nil)
        let prepared = try entries(record.withheld, shared: shared, document: record.document, key: key)
        assert(prepared.entries == PreparedAuditEntries(try! record.entries(key: key, time: time)), "direct pieces disagree with the entries'")
        return (prepared.entries, AuditDigest.prefixedHex(AuditDigest.sha256Prefix, prepared.outputDigest))
    }

    /// The entries of `parts` and `document`, digests computed under `key`, with the runs `shared` holds (their
    /// context and time): the pieces `PreparedAuditEntries(record.entries(key:time:))` holds, without building
    /// the entries (each about twenty strings retained, copied and released) nor a digest string per entry (its
    /// hex is written in place). Refuses what `entries(key:time:)` refuses. `outputDigest` is the SHA-256 of the document's bytes
    /// (the document entry's digest, as bytes).
    private static func entries<Part: AuditedPart>(_ parts: [Part], shared: SharedPieces, document: AuditDocument,
                                                   key: AuditKey?) throws(AuditLogError) -> (entries: PreparedAuditEntries, outputDigest: SHA256.Digest) {
        let capacity = try checkedBound(parts, document: document)
        let outputDigest = document.bytes.withUnsafeBytes { AuditDigest.digest($0, key: nil) }
        var cuts: [Cut] = []
        cuts.reserveCapacity(parts.count + 1)
        let bytes = shared.bytes.withUnsafeBufferPointer { s in
            CanonicalJSON.Writer.bytes(capacity: capacity + (parts.count + 1) * shared.bytes.count) { w in
                // Each part's members read where they stand, one at a time (the part taken out of the array, or
                // passed whole, was copied: its strings retained and released).
                for i in parts.indices {
                    let (length, digest) = digest(of: parts[i].text, key: key)
                    writeWithheld(parts, i, length: length, digest: digest, shared: shared, s, into: &w, cuts: &cuts)
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
        let n = 512 * (parts.count + 1) + (try Part.checkedAuditBound(parts))
        return n + b(d.disposition.rawValue) + b(d.stamp) + b(d.output)
    }

    /// The runs of a record's lines that every entry shares (its context and time, with the keys around
    /// them), escaped once in one array: each entry copies them instead of escaping the same strings again.
    /// A withheld part's entry copies them with the keys and constants that stand beside them in every such
    /// entry (its action, the digest's prefix, its kind, `"output":null`, `"stamp":null`), as six runs
    /// (`withholdHead` or `redactHead`, `cableDigest`, `docNo`, `fileUnit` or `fileSpan`, `outputPolicy`,
    /// `stampTime`); a document's entry copies the runs without them (`asOf`, `cable`, `policy`, `time`, which
    /// lie within the longer ones).
    private struct SharedPieces {
        var bytes: [UInt8] = []
        /// `{"action":"withhold","asOf":…,"authority":`
        var withholdHead = 0..<0
        /// `{"action":"redact","asOf":…,"authority":`
        var redactHead = 0..<0
        /// `,"asOf":…,"authority":` (the end of `redactHead`)
        var asOf = 0..<0
        /// `,"cable":…,"case":…,"digest":"hmac-sha256:` (`"sha256:` without a key): what stands before a withheld
        /// part's digest
        var cableDigest = 0..<0
        /// `,"cable":…,"case":…,"digest":` (the start of `cableDigest`)
        var cable = 0..<0
        /// `","docNo":…,"exemption":`: the digest's closing quote and what follows it
        var docNo = 0..<0
        /// `,"file":…,"kind":"unit","length":`
        var fileUnit = 0..<0
        /// `,"file":…,"kind":"span","length":`
        var fileSpan = 0..<0
        /// `,"file":…,"kind":` (the start of `fileSpan`)
        var file = 0..<0
        /// `,"output":null,"policy":{…},"prev":`
        var outputPolicy = 0..<0
        /// `,"policy":{…},"prev":` (the end of `outputPolicy`)
        var policy = 0..<0
        /// `,"stamp":null,"time":…,"tool":…,"unit":`
        var stampTime = 0..<0
        /// `,"time":…,"tool":…,"unit":` (the end of `stampTime`)
        var time = 0..<0

        /// The shared runs of `c`'s entries stamped `timestamp`, escaped into `bytes`, with where each stands;
        /// `keyed` when the withheld parts' digests are keyed (`hmac-sha256:`).
        init(_ c: AuditContext, timestamp: String, keyed: Bool) {
            self.init(asOf: c.asOfText, cable: c.cable, caseID: c.caseID, docNo: c.docNo, file: c.file, policyDigest: c.policy.digest,
                      policyName: c.policy.name, policyVersion: c.policy.version, timestamp: timestamp, tool: c.tool, keyed: keyed)
        }

        /// The shared runs of entries with these members (`AuditContext`'s, `asOf` as its entries write it),
        /// stamped `timestamp`. `policyDigest` is written as `AuditPolicy` keeps it: `sha256:` put before a
        /// digest without a colon (a loaded policy's bare hex), here as it is written, without a new string.
        init(asOf: String, cable: String?, caseID: String?, docNo: String?, file: String, policyDigest: String, policyName: String,
             policyVersion: String, timestamp: String, tool: String, keyed: Bool) {
            func b(_ s: String?) -> Int { CanonicalJSON.Writer.bound(s?.utf8.count ?? 0) }
            var n = 384 + 2 * b(asOf) + b(cable) + b(caseID) + b(docNo) + 2 * b(file) + b(tool) + b(timestamp)
            n += b(policyDigest) + b(policyName) + b(policyVersion)
            let prefixed = !AuditPolicy.hasColon(policyDigest)
            // Where each run starts and ends, in locals (an array of them was grown, and reallocated, on every release).
            var marks = (0, 0, 0, 0, 0, 0, 0, 0, 0)
            var ends = (0, 0, 0, 0)
            bytes = CanonicalJSON.Writer.bytes(capacity: n) { w in
                w.raw("{\"action\":\"withhold\""); w.raw(",\"asOf\":"); w.string(asOf); w.raw(",\"authority\":")
                marks.0 = w.count
                w.raw("{\"action\":\"redact\"")
                marks.1 = w.count
                w.raw(",\"asOf\":"); w.string(asOf); w.raw(",\"authority\":")
                marks.2 = w.count
                w.raw(",\"cable\":"); w.string(cable); w.raw(",\"case\":"); w.string(caseID); w.raw(",\"digest\":")
                ends.0 = w.count
                if keyed { w.raw("\"hmac-sha256:") } else { w.raw("\"sha256:") }
                marks.3 = w.count
                w.raw("\",\"docNo\":"); w.string(docNo); w.raw(",\"exemption\":")
                marks.4 = w.count
                w.raw(",\"file\":"); w.string(file); w.raw(",\"kind\":\"unit\",\"length\":")
                marks.5 = w.count
                w.raw(",\"file\":"); w.string(file); w.raw(",\"kind\":")
                ends.1 = w.count
                w.raw("\"span\",\"length\":")
                marks.6 = w.count
                w.raw(",\"output\":null")
                ends.2 = w.count
                w.raw(",\"policy\":{\"digest\":")
                if prefixed { w.string(prefix: "sha256:", policyDigest) } else { w.string(policyDigest) }
                w.raw(",\"name\":"); w.string(policyName)
                w.raw(",\"version\":"); w.string(policyVersion)
                w.raw("},\"prev\":")
                marks.7 = w.count
                w.raw(",\"stamp\":null")
                ends.3 = w.count
                w.raw(",\"time\":"); w.string(timestamp); w.raw(",\"tool\":"); w.string(tool); w.raw(",\"unit\":")
                marks.8 = w.count
            }
            self.withholdHead = 0..<marks.0
            self.redactHead = marks.0..<marks.2
            self.asOf = marks.1..<marks.2
            self.cableDigest = marks.2..<marks.3
            self.cable = marks.2..<ends.0
            self.docNo = marks.3..<marks.4
            self.fileUnit = marks.4..<marks.5
            self.fileSpan = marks.5..<marks.6
            self.file = marks.5..<ends.1
            self.outputPolicy = marks.6..<marks.7
            self.policy = ends.2..<marks.7
            self.stampTime = marks.7..<marks.8
            self.time = ends.3..<marks.8
        }
    }

    /// Writes the pieces of `parts[i]`'s entry (as `AuditEntry(withheld:…)` holds it) and marks its cuts;
    /// `s` holds the shared pieces' bytes (`SharedPieces`, made for `keyed` as the digest is).
    private static func writeWithheld<Part: AuditedPart>(_ parts: [Part], _ i: Int, length: Int, digest: SHA256.Digest, shared: SharedPieces,
                                      _ s: UnsafeBufferPointer<UInt8>, into w: inout CanonicalJSON.Writer, cuts: inout [Cut]) {
        switch parts[i].action {
        case .withhold: w.raw(s, shared.withholdHead)
        case .redact: w.raw(s, shared.redactHead)
        case .release: preconditionFailure("a released part has no entry (refused by entries(_:context:document:key:time:))")
        }
        w.string(parts[i].authority)
        w.raw(s, shared.cableDigest)
        w.hex(digest)
        w.raw(s, shared.docNo); w.string(parts[i].exemption?.code)
        switch parts[i].auditKind {
        case .unit: w.raw(s, shared.fileUnit)
        case .span: w.raw(s, shared.fileSpan)
        case .document: preconditionFailure("a withheld part is never a document (refused by entries(_:context:document:key:time:))")
        }
        w.int(length)
        w.raw(",\"line\":"); w.int(parts[i].line)
        let mac = w.count
        w.raw(s, shared.outputPolicy)
        let prev = w.count
        w.raw(",\"rule\":"); w.string(parts[i].rule)
        w.raw(",\"rules\":[")
        if parts[i].auditRulesAreStored {
            for k in parts[i].rules.indices {
                if k > 0 { w.raw(",") }
                w.string(parts[i].rules[k])
            }
        } else if let rule = parts[i].rule {
            w.string(rule)
        }
        w.raw("],\"seq\":")
        let seq = w.count
        w.raw(s, shared.stampTime); w.string(parts[i].auditUnit)
        w.raw("}")
        cuts.append(Cut(mac: mac, prev: prev, seq: seq, end: w.count))
    }

    /// Writes the pieces of a document's entry (as `AuditEntry(document:…)` holds it) and marks its cuts.
    private static func writeDocument(_ d: AuditDocument, digest: SHA256.Digest, shared: SharedPieces, _ s: UnsafeBufferPointer<UInt8>,
                                      into w: inout CanonicalJSON.Writer, cuts: inout [Cut]) {
        w.raw("{\"action\":"); w.string(d.disposition.rawValue)
        w.raw(s, shared.asOf); w.raw("null")
        w.raw(s, shared.cable); w.raw("\"sha256:"); w.hex(digest)
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
    /// The rules that matched the part.
    var rules: [String] { get }
    /// True when the entry's `rules` are `rules`; else they are `rule` alone (none when nil). Read with the
    /// part's stored members in place (a method called on a part in the array, `forEachAuditRule`, copied it).
    var auditRulesAreStored: Bool { get }
    /// The sum over `parts` of `Writer.bound` of each part's own strings (each rule with its comma); refuses a
    /// part that is a document or a release. A loop over the type's stored members, read where they stand
    /// (a part passed to the requirements above was copied out of the array, its strings retained, to read
    /// their lengths).
    static func checkedAuditBound(_ parts: [Self]) throws(AuditLogError) -> Int
}

/// `CanonicalJSON.Writer.bound` of a string's bytes; 2 when nil (its `null` is within each entry's 512).
private func auditBound(_ s: String?) -> Int { CanonicalJSON.Writer.bound(s?.utf8.count ?? 0) }

extension AuditWithheld: AuditedPart {
    var auditKind: AuditKind { kind }
    var auditUnit: String { unit }
    var auditRulesAreStored: Bool { true }

    static func checkedAuditBound(_ parts: [AuditWithheld]) throws(AuditLogError) -> Int {
        var n = 0
        for i in parts.indices {
            guard parts[i].kind != .document else { throw AuditLogError.notWithheld(unit: parts[i].unit, reason: "kind is document") }
            guard parts[i].action != .release else { throw AuditLogError.notWithheld(unit: parts[i].unit, reason: "action is release") }
            n += auditBound(parts[i].authority) + auditBound(parts[i].exemption?.code) + auditBound(parts[i].rule) + auditBound(parts[i].unit)
            for r in parts[i].rules.indices { n += auditBound(parts[i].rules[r]) + 1 }
        }
        return n
    }
}

extension WithheldPart: AuditedPart {
    var auditKind: AuditKind { action == .withhold ? .unit : .span }
    var auditUnit: String { label }
    /// A withheld unit's matching rules; a span's own rule alone (none when the default decided).
    var auditRulesAreStored: Bool { action == .withhold }

    static func checkedAuditBound(_ parts: [WithheldPart]) throws(AuditLogError) -> Int {
        var n = 0
        for i in parts.indices {
            // Never a document: a withheld unit's kind is `.unit`, a redacted span's `.span`.
            guard parts[i].action != .release else { throw AuditLogError.notWithheld(unit: parts[i].label, reason: "action is release") }
            n += auditBound(parts[i].authority) + auditBound(parts[i].exemption?.code) + auditBound(parts[i].rule) + auditBound(parts[i].label)
            if parts[i].action == .withhold {
                for r in parts[i].rules.indices { n += auditBound(parts[i].rules[r]) + 1 }
            } else {
                n += auditBound(parts[i].rule) + 1
            }
        }
        return n
    }
}
