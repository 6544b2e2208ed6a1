/// A classification level, ordered from least to most restrictive so that policies can ask "at least C".
///
/// `unknown` sorts above everything: a marking the parser could not read is never treated as releasable.
public enum Classification: Int, Sendable, Hashable, Comparable, CaseIterable, Codable, CustomStringConvertible {
    case unclassified = 0
    case sensitiveButUnclassified = 1
    case confidential = 2
    case secret = 3
    case topSecret = 4
    case unknown = 99

    public static func < (lhs: Classification, rhs: Classification) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The portion-mark abbreviation: `U`, `SBU`, `C`, `S`, `TS`, or `?` for unknown.
    public var abbreviation: String {
        switch self {
        case .unclassified: "U"
        case .sensitiveButUnclassified: "SBU"
        case .confidential: "C"
        case .secret: "S"
        case .topSecret: "TS"
        case .unknown: "?"
        }
    }

    /// The banner word: `UNCLASSIFIED`, `CONFIDENTIAL`, …
    public var bannerWord: String {
        switch self {
        case .unclassified: "UNCLASSIFIED"
        case .sensitiveButUnclassified: "SENSITIVE BUT UNCLASSIFIED"
        case .confidential: "CONFIDENTIAL"
        case .secret: "SECRET"
        case .topSecret: "TOP SECRET"
        case .unknown: "UNKNOWN"
        }
    }

    public var description: String { abbreviation }

    /// Reads an abbreviation or a full word (`C`, `CONFIDENTIAL`, `SBU`, `TS`, `UNCLAS`), case-insensitively.
    public init?(token: some StringProtocol) {
        switch token.uppercasedFast() {
        case "U", "UNCLAS", "UNCLASSIFIED": self = .unclassified
        case "SBU", "SENSITIVE", "SENSITIVE BUT UNCLASSIFIED": self = .sensitiveButUnclassified
        case "C", "CONFIDENTIAL": self = .confidential
        case "S", "SECRET": self = .secret
        case "TS", "TOP SECRET": self = .topSecret
        default: return nil
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(abbreviation)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        if s == "?" { self = .unknown; return }
        guard let v = Classification(token: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown classification '\(s)'")
        }
        self = v
    }
}
