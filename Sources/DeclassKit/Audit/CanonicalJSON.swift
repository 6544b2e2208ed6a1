import Foundation

/// A JSON value written in the audit log's canonical form: object keys sorted by their UTF-8 bytes, no
/// white space, strings escaped only where JSON requires it (`"`, `\`, control characters; `\n`, `\r`,
/// `\t`, `\b`, `\f` by name, others as `\u00XX`), everything else written as UTF-8. This is what Python's
/// `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` writes, so an auditor can
/// recompute a MAC or a `prev` without declass.
enum CanonicalJSON: Sendable, Equatable {
    case null
    case int(Int)
    case string(String)
    case array([CanonicalJSON])
    case object([String: CanonicalJSON])

    /// A string, or null when nil.
    static func string(_ value: String?) -> CanonicalJSON { value.map { .string($0) } ?? .null }

    /// An integer, or null when nil.
    static func int(_ value: Int?) -> CanonicalJSON { value.map { .int($0) } ?? .null }

    /// The value's canonical bytes.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            // Sorted by UTF-8 bytes, compared in place (no arrays built per comparison).
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                members[key]!.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ s: String, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0..<0x20: out.append(contentsOf: "\\u00".utf8 + [hex[Int(b >> 4)], hex[Int(b & 0x0F)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension CanonicalJSON {
    /// Writes canonical JSON straight into the storage of one byte array: the caller writes keys and
    /// punctuation as raw text in canonical order, values through `string` and `int` (the same escaping as
    /// `CanonicalJSON`). `Writer.bytes(capacity:_:)` sizes the array once; every write checks it fits.
    struct Writer {
        private let base: UnsafeMutablePointer<UInt8>
        private let capacity: Int
        private(set) var count = 0

        /// The bytes `body` writes, at most `capacity` of them (a write past it traps).
        static func bytes(capacity: Int, _ body: (inout Writer) -> Void) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                var w = Writer(base: buffer.baseAddress!, capacity: capacity)
                body(&w)
                count = w.count
            }
        }

        private init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
            self.base = base
            self.capacity = capacity
        }

        /// The most bytes a string of `utf8` bytes may take: every byte escaped as `\u00XX`, and quotes.
        static func bound(_ utf8: Int) -> Int { 6 * utf8 + 2 }

        /// Copies `n` bytes from `p` with unaligned loads and stores (keys and values are short, and a call to
        /// `memmove` for each cost more than the copy): sixteen at a time from sixteen bytes on (the shared runs
        /// of an audit entry, up to about 200 bytes: eight at a time took twice the iterations), the last few as
        /// the sixteen that end the run; from four to sixteen bytes as the two overlapping eights (or fours)
        /// that start and end it, rewriting bytes already copied, so that no byte is copied alone but in runs
        /// of fewer than four.
        @inline(__always) private mutating func put(_ p: UnsafePointer<UInt8>, _ n: Int) {
            precondition(count + n <= capacity, "canonical JSON writer overflow")
            let d = UnsafeMutableRawPointer(base + count)
            let s = UnsafeRawPointer(p)
            if n >= 16 {
                var i = 0
                repeat {
                    d.storeBytes(of: s.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self), toByteOffset: i, as: SIMD16<UInt8>.self)
                    i += 16
                } while i + 16 <= n
                if i < n {
                    d.storeBytes(of: s.loadUnaligned(fromByteOffset: n - 16, as: SIMD16<UInt8>.self), toByteOffset: n - 16,
                                 as: SIMD16<UInt8>.self)
                }
            } else if n >= 8 {
                let head = s.loadUnaligned(as: UInt64.self), tail = s.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                d.storeBytes(of: head, as: UInt64.self)
                d.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 {
                let head = s.loadUnaligned(as: UInt32.self), tail = s.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
                d.storeBytes(of: head, as: UInt32.self)
                d.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
            } else {
                var i = 0
                while i < n {
                    d.storeBytes(of: s.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self)
                    i += 1
                }
            }
            count += n
        }

        @inline(__always) private mutating func put(_ c: UInt8) {
            precondition(count < capacity, "canonical JSON writer overflow")
            base[count] = c
            count += 1
        }

        /// Raw text, written as is (keys and punctuation).
        @inline(__always) mutating func raw(_ s: StaticString) {
            put(s.utf8Start, s.utf8CodeUnitCount)
        }

        /// Bytes `range` of `source`, written as they are (runs already escaped).
        @inline(__always) mutating func raw(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            precondition(range.lowerBound >= 0 && range.upperBound <= source.count, "range outside the source")
            put(source.baseAddress! + range.lowerBound, range.count)
        }

        /// An integer, or null when nil.
        mutating func int(_ value: Int?) {
            guard let value else { return raw("null") }
            precondition(count + 20 <= capacity, "canonical JSON writer overflow")
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for any Int64
            var magnitude = value.magnitude
            withUnsafeMutableBytes(of: &digits) { d in
                var i = d.count
                repeat {
                    i -= 1
                    d[i] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                    magnitude /= 10
                } while magnitude > 0
                if value < 0 {
                    i -= 1
                    d[i] = UInt8(ascii: "-")
                }
                put(d.baseAddress!.assumingMemoryBound(to: UInt8.self) + i, d.count - i)
            }
        }

        /// A digest as a JSON string: `"`, `prefix` (`sha256:`, `hmac-sha256:`), the lower-case hex of its
        /// bytes (`AuditDigest.writeHex`), `"`; the same bytes as `string(AuditDigest.prefixedHex(prefix, digest))`
        /// without the string.
        mutating func digest(prefix: StaticString, _ digest: some ContiguousBytes) {
            put(UInt8(ascii: "\""))
            raw(prefix)
            digest.withUnsafeBytes { d in
                precondition(count + 2 * d.count + 1 <= capacity, "canonical JSON writer overflow")
                AuditDigest.writeHex(d, to: UnsafeMutableRawPointer(base + count))
                count += 2 * d.count
            }
            put(UInt8(ascii: "\""))
        }

        /// The lower-case hex of a digest's bytes (`AuditDigest.writeHex`), nothing around it: what follows
        /// `"hmac-sha256:` or `"sha256:` in a digest string written as raw text.
        mutating func hex(_ digest: some ContiguousBytes) {
            digest.withUnsafeBytes { d in
                precondition(count + 2 * d.count <= capacity, "canonical JSON writer overflow")
                AuditDigest.writeHex(d, to: UnsafeMutableRawPointer(base + count))
                count += 2 * d.count
            }
        }

        /// A string, or null when nil.
        mutating func string(_ value: String?) {
            guard let value else { return raw("null") }
            put(UInt8(ascii: "\""))
            if value.utf8.withContiguousStorageIfAvailable({ escape($0) }) == nil {
                var copy = value
                copy.withUTF8 { escape($0) }
            }
            put(UInt8(ascii: "\""))
        }

        /// A string made of `prefix` (raw text needing no escape: `sha256:`) and `value`: the bytes of
        /// `string(prefix + value)`, without that string.
        mutating func string(prefix: StaticString, _ value: String) {
            put(UInt8(ascii: "\""))
            raw(prefix)
            if value.utf8.withContiguousStorageIfAvailable({ escape($0) }) == nil {
                var copy = value
                copy.withUTF8 { escape($0) }
            }
            put(UInt8(ascii: "\""))
        }

        /// Appends `b` escaped: runs needing no escape are copied whole, eight bytes tested at a time (the
        /// last few with the eight that end the string).
        private mutating func escape(_ b: UnsafeBufferPointer<UInt8>) {
            guard let p = b.baseAddress else { return }
            let n = b.count
            // Four to seven bytes (most keys' values: `redact`, `B6`, dates, ids): tested at once as the two
            // overlapping fours that hold them, and copied whole when none needs escaping.
            if n >= 4, n < 8 {
                let r = UnsafeRawPointer(p)
                let x = UInt64(r.loadUnaligned(as: UInt32.self)) | UInt64(r.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
                if !CanonicalJSON.mayNeedEscape(x) { return put(p, n) }
            }
            var run = 0
            var i = 0
            while i < n {
                if i + 8 <= n, !CanonicalJSON.mayNeedEscape(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                // Fewer than eight bytes left: tested at once with the eight bytes that end the string.
                if i + 8 > n, n >= 8, !CanonicalJSON.mayNeedEscape(UnsafeRawPointer(p + n - 8).loadUnaligned(as: UInt64.self)) {
                    i = n
                    continue
                }
                let c = p[i]
                guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else {
                    i += 1
                    continue
                }
                if run < i { put(p + run, i - run) }
                i += 1
                run = i
                switch c {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                default:
                    raw("\\u00")
                    put(AuditDigest.hexDigit(c >> 4))
                    put(AuditDigest.hexDigit(c & 0x0F))
                }
            }
            if run < n { put(p + run, n - run) }
        }
    }

    /// False when none of the eight bytes of `x` is a control character, `"` or `\\` (true may be a false
    /// alarm only in the sense that the bytes are then looked at one by one).
    @inline(__always) static func mayNeedEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        func zeroByte(_ y: UInt64) -> UInt64 { ~(((y & low7) &+ low7) | y) & highs }
        let control = (x &- 0x20 &* ones) & ~x & highs
        return control | zeroByte(x ^ (0x22 &* ones)) | zeroByte(x ^ (0x5C &* ones)) != 0
    }
}
