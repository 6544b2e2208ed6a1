import Foundation

extension AuditEntry {
    /// The entry for a withheld unit or redacted span: the library digests the text (normal form, keyed when
    /// `key` is given) and counts its characters; the entry never holds the text. Refuses a `.document` kind
    /// or a `.release` action. `seq`, `prev` and `mac` are set when the entry is appended.
    public init(withheld w: AuditWithheld, context: AuditContext, key: AuditKey?, time: Date = Date()) throws(AuditLogError) {
        try self.init(withheld: w, context: context, key: key, timestamp: AuditEntry.timestamp(time))
    }

    /// The entry for a withheld unit or redacted span stamped `timestamp` (`AuditEntry.timestamp` of its time):
    /// a record's entries share one time, so it is formatted once for all of them.
    init(withheld w: AuditWithheld, context: AuditContext, key: AuditKey?, timestamp: String) throws(AuditLogError) {
        guard w.kind != .document else { throw AuditLogError.notWithheld(unit: w.unit, reason: "kind is document") }
        guard w.action != .release else { throw AuditLogError.notWithheld(unit: w.unit, reason: "action is release") }
        let (simple, code) = AuditDigest.withheld(w.text, key: key)
        let length = simple ?? AuditEntry.characters(w.text)
        let digest = AuditDigest.prefixedHex(key == nil ? AuditDigest.sha256Prefix : AuditDigest.hmacPrefix, code)
        assert(length == w.text.count && digest == AuditDigest.ofWithheld(w.text, key: key))
        self.init(kind: w.kind, time: timestamp, tool: context.tool, cable: context.cable,
                  file: context.file, unit: w.unit, line: w.line, action: w.action.name, rule: w.rule, rules: w.rules,
                  exemption: w.exemption?.code, authority: w.authority, length: length, digest: digest, policy: context.policy,
                  asOf: context.asOfText, caseID: context.caseID, docNo: context.docNo)
    }

    /// The entry for a released document: disposition, stamp, output path and `sha256:<hex>` of the output's
    /// bytes (a plain digest: the release is public, so anyone holding it can check it against the log).
    public init(document d: AuditDocument, context: AuditContext, time: Date = Date()) {
        self.init(document: d, context: context, timestamp: AuditEntry.timestamp(time))
    }

    /// The entry for a released document stamped `timestamp` (`AuditEntry.timestamp` of its time).
    init(document d: AuditDocument, context: AuditContext, timestamp: String) {
        self.init(kind: .document, time: timestamp, tool: context.tool, cable: context.cable,
                  file: context.file, unit: nil, line: nil, action: d.disposition.rawValue, rule: nil, rules: [],
                  exemption: nil, authority: nil, length: nil, digest: AuditDigest.sha256(d.bytes), stamp: d.stamp,
                  output: d.output, policy: context.policy, asOf: context.asOfText, caseID: context.caseID,
                  docNo: context.docNo)
    }

    /// ISO-8601 UTC to the second: `2026-11-24T09:30:00Z`.
    public static func timestamp(_ date: Date) -> String {
        let t = Int(date.timeIntervalSince1970.rounded(.down))
        let stamp = fastTimestamp(t) ?? gmtimeTimestamp(t)
        assert(stamp == gmtimeTimestamp(t), "timestamp disagrees with gmtime_r")
        return stamp
    }

    /// The timestamp of `t` seconds since 1970 for years 1000…9999, computed on integers (proleptic
    /// Gregorian days to a civil date) and written straight into the string; nil for other years.
    private static func fastTimestamp(_ t: Int) -> String? {
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let second = t - days * 86400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        guard year >= 1000, year <= 9999 else { return nil }
        return String(unsafeUninitializedCapacity: 20) { out in
            func put(_ n: Int, _ at: Int, _ width: Int) {
                var n = n
                var i = at + width - 1
                while i >= at {
                    out[i] = UInt8(truncatingIfNeeded: n % 10) &+ 0x30
                    n /= 10
                    i -= 1
                }
            }
            put(year, 0, 4)
            out[4] = UInt8(ascii: "-")
            put(month, 5, 2)
            out[7] = UInt8(ascii: "-")
            put(day, 8, 2)
            out[10] = UInt8(ascii: "T")
            put(second / 3600, 11, 2)
            out[13] = UInt8(ascii: ":")
            put(second / 60 % 60, 14, 2)
            out[16] = UInt8(ascii: ":")
            put(second % 60, 17, 2)
            out[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    /// The timestamp of `t` seconds since 1970 through `gmtime_r`.
    private static func gmtimeTimestamp(_ t: Int) -> String {
        var t = time_t(t)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// The number of characters (grapheme clusters) in `text`, as `text.count` counts them: for ASCII text,
    /// its bytes less one per CR LF pair (the only ASCII cluster of two); otherwise `text.count`.
    static func characters(_ text: String) -> Int {
        let ascii = text.utf8.withContiguousStorageIfAvailable { b -> Int? in
            var any: UInt8 = 0
            var crs = 0
            for c in b {
                any |= c
                crs &+= c == 0x0D ? 1 : 0
            }
            guard any < 0x80 else { return nil }
            guard crs > 0 else { return b.count }
            var pairs = 0
            for i in b.indices.dropFirst() where b[i] == 0x0A && b[i - 1] == 0x0D { pairs += 1 }
            return b.count - pairs
        }
        let n = (ascii ?? nil) ?? text.count
        assert(n == text.count, "character count disagrees with String.count")
        return n
    }

    /// True for a withheld unit or a redacted span (not a document entry).
    public var isWithheld: Bool { kind != .document }
}
