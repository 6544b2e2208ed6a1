/// A FOIA exemption (5 U.S.C. § 552(b)): `B1` (classified national security information) to `B9`, and the
/// law-enforcement sub-exemptions `B7(A)`…`B7(F)`, as written on State Department releases.
public struct Exemption: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The canonical code: `B1`, `B6`, `B7(C)`.
    public let code: String

    /// Reads `B1`, `b6`, `(b)(6)`, `B7(C)`, `(b)(7)(C)`; nil for anything else.
    public init?(_ text: String) {
        var s = text.uppercased().filter { $0 != " " }
        if s.hasPrefix("(B)(") { s = "B" + s.dropFirst(4).replacingFirst(")", with: "") }
        guard s.count >= 2, s.first == "B", let d = s.dropFirst().first, let n = d.wholeNumberValue, (1...9).contains(n) else { return nil }
        let rest = s.dropFirst(2)
        if rest.isEmpty {
            code = "B\(n)"
            return
        }
        guard n == 7, rest.count == 3, rest.first == "(", rest.last == ")", let letter = rest.dropFirst().first,
              ("A"..."F").contains(letter) else { return nil }
        code = "B7(\(letter))"
    }

    /// True for B1, the exemption whose authority is the cable's classification reasons.
    public var isClassified: Bool { code == "B1" }

    public var description: String { code }

    public static func < (a: Exemption, b: Exemption) -> Bool { a.code < b.code }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let e = Exemption(s) else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown exemption '\(s)'") }
        self = e
    }
}

extension String {
    fileprivate func replacingFirst(_ a: Character, with b: String) -> String {
        guard let i = firstIndex(of: a) else { return self }
        return String(self[..<i]) + b + String(self[index(after: i)...])
    }
}

extension Substring {
    fileprivate func replacingFirst(_ a: Character, with b: String) -> String { String(self).replacingFirst(a, with: b) }
}
