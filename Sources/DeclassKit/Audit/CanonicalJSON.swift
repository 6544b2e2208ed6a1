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
    /// Writes canonical JSON straight into one byte array: the caller writes keys and punctuation as raw
    /// text in canonical order, values through `string` and `int` (the same escaping as `CanonicalJSON`).
    struct Writer {
        private(set) var bytes: [UInt8] = []

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        /// Raw text, written as is (keys and punctuation).
        @inline(__always) mutating func raw(_ s: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        }

        /// An integer, or null when nil.
        mutating func int(_ value: Int?) {
            guard let value else { return raw("null") }
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for any Int64
            var magnitude = value.magnitude
            withUnsafeMutableBytes(of: &digits) { d in
                var i = d.count
                repeat {
                    i -= 1
                    d[i] = UInt8(truncatingIfNeeded: magnitude % 10) + UInt8(ascii: "0")
                    magnitude /= 10
                } while magnitude > 0
                if value < 0 {
                    i -= 1
                    d[i] = UInt8(ascii: "-")
                }
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[i...]))
            }
        }

        /// A string, or null when nil.
        mutating func string(_ value: String?) {
            guard let value else { return raw("null") }
            bytes.append(UInt8(ascii: "\""))
            if value.utf8.withContiguousStorageIfAvailable({ escape($0) }) == nil {
                escape(Array(value.utf8))
            }
            bytes.append(UInt8(ascii: "\""))
        }

        /// Appends `b` escaped: runs needing no escape are copied whole.
        private mutating func escape(_ b: UnsafeBufferPointer<UInt8>) {
            var run = 0
            for i in 0 ..< b.count {
                let c = b[i]
                guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { continue }
                if run < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run ..< i])) }
                run = i + 1
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
                    bytes.append(AuditDigest.hexDigit(c >> 4))
                    bytes.append(AuditDigest.hexDigit(c & 0x0F))
                }
            }
            if run < b.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run...])) }
        }

        private mutating func escape(_ b: [UInt8]) {
            b.withUnsafeBufferPointer { escape($0) }
        }
    }
}
