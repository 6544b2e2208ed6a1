/// One pattern of a policy, as the policy file wrote it: a regular expression, or a literal term.
public struct PatternSpec: Sendable, Hashable {
    /// The regular expression (PCRE syntax, as far as Vectorscan supports it), or the term itself when
    /// `literal` is true. In a regex, `\w`, `\d`, `\s` and `\b` are ASCII-only; `\p{L}` matches any letter.
    public var expression: String
    /// When true, `expression` is matched as plain text: every regex metacharacter in it is escaped.
    public var literal: Bool
    /// When true, letters match regardless of case, including non-ASCII ones ("país" finds "PAÍS"; simple
    /// one-to-one folding only, so "ß" does not find "SS").
    public var caseless: Bool
    /// When true, a literal may not start or end inside a longer word: at each of its edges that is a word
    /// character, the neighbouring character must not be a (Unicode) letter, number, mark or underscore.
    /// A regex is wrapped as `\b(?:expression)\b`, where `\b` knows only ASCII word characters.
    public var wholeWord: Bool

    /// Creates a pattern; by default a case-sensitive regex that may match anywhere.
    /// `^` and `$` match at every line break as well as at the buffer's ends, so that texts joined by line
    /// breaks can be scanned at once and each keeps its own anchors.
    public var multiline: Bool = false

    public init(expression: String, literal: Bool = false, caseless: Bool = false, wholeWord: Bool = false, multiline: Bool = false) {
        self.multiline = multiline
        self.expression = expression
        self.literal = literal
        self.caseless = caseless
        self.wholeWord = wholeWord
    }
}

/// Which edges of a match must be checked, after the scan, to stand at a Unicode word boundary.
struct EdgeCheck: OptionSet, Sendable {
    let rawValue: UInt8
    /// The scalar before the match must not be a word character.
    static let start = EdgeCheck(rawValue: 1)
    /// The scalar after the match must not be a word character.
    static let end = EdgeCheck(rawValue: 2)
}

extension PatternSpec {
    /// The expression handed to Vectorscan: a literal escaped, a whole-word regex wrapped in `\b(?:…)\b`.
    ///
    /// A whole-word literal gets no `\b`: the scanner checks its edges against Unicode word characters
    /// (`edgeChecks`). Vectorscan's `\b` would be ASCII-only here (it refuses `\b` with HS_FLAG_UCP), and
    /// it is costly: 5,000 names with `\b` take ~11 s to compile into a 14 MB database, without it ~0.2 s.
    var compiledExpression: String {
        guard literal else {
            return wholeWord ? Self.wholeWordPrefix + expression + ")\\b" : expression
        }
        var out = ""
        out.reserveCapacity(expression.utf8.count * 2)
        for scalar in expression.unicodeScalars { Self.appendEscaped(scalar, to: &out) }
        return out
    }

    /// Whether the pattern is a literal made of ASCII only, which matches the same bytes with or without
    /// HS_FLAG_UTF8 (and compiles several times faster without it when caseless).
    var isASCIILiteral: Bool {
        literal && expression.utf8.allSatisfy { $0 < 0x80 }
    }

    /// What a regex is prefixed with when `wholeWord` is set; error offsets are shifted back by its length.
    static let wholeWordPrefix = "\\b(?:"

    /// The edges of a whole-word literal's matches that the scanner checks against Unicode word characters.
    var edgeChecks: EdgeCheck {
        guard literal, wholeWord else { return [] }
        var checks: EdgeCheck = []
        if let first = expression.unicodeScalars.first, Self.isWordCharacter(first) { checks.insert(.start) }
        if let last = expression.unicodeScalars.last, Self.isWordCharacter(last) { checks.insert(.end) }
        return checks
    }

    /// Appends one scalar of a literal so that Vectorscan reads it as itself.
    private static func appendEscaped(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F:   // ASCII letters, digits, underscore
            out.unicodeScalars.append(scalar)
        case 0x20...0x7E:                                    // space, punctuation: `\` makes any of it literal
            out += "\\"                                       // (`\ ` compiles much faster than `\x{20}`)
            out.unicodeScalars.append(scalar)
        case 0x00...0x1F, 0x7F:                              // controls: spelled as code points
            out += "\\x{" + String(scalar.value, radix: 16) + "}"
        default:                                             // non-ASCII: literal in UTF-8 mode
            out.unicodeScalars.append(scalar)
        }
    }

    /// Whether a scalar belongs to a word: a letter, a number, a combining mark or the underscore
    /// (Unicode's `\w`; "José" written with a combining accent is one word).
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
