/// What a rule does to the units it matches, ordered from least to most restrictive so that the most
/// restrictive matching action wins (`withhold` > `redact` > `release`).
public enum PolicyAction: Int, Sendable, Hashable, Comparable, Codable, CaseIterable, CustomStringConvertible {
    /// Release the unit as written.
    case release = 0
    /// Replace the matched spans (`text-matches`, `terms`) with `[REDACTED B6]`; release the rest.
    case redact = 1
    /// Withhold the whole unit: `[WITHHELD B1 1.4(B), 1.4(D)]`.
    case withhold = 2

    public static func < (a: PolicyAction, b: PolicyAction) -> Bool { a.rawValue < b.rawValue }

    /// The name used in policy files and outputs.
    public var name: String {
        switch self {
        case .release: "release"
        case .redact: "redact"
        case .withhold: "withhold"
        }
    }

    public var description: String { name }

    /// Reads a policy file's action name.
    public init?(name: String) {
        switch name {
        case "release": self = .release
        case "redact": self = .redact
        case "withhold": self = .withhold
        default: return nil
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let a = PolicyAction(name: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown action '\(s)'")
        }
        self = a
    }
}
