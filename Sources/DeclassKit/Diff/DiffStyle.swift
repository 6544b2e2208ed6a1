/// ANSI colours for a diff shown in a terminal; a style without colour returns text as it is.
public struct DiffStyle: Sendable {
    /// True when the output is coloured.
    public let color: Bool

    /// A style that colours when `color` is true.
    public init(color: Bool) { self.color = color }

    /// A style with no colour.
    public static let plain = DiffStyle(color: false)

    static let bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36", inverse = "7"

    /// `text` wrapped in the SGR `codes` (`31`, `1;33`), reset after it; `text` alone without colour.
    func paint(_ text: String, _ codes: String...) -> String {
        guard color, !text.isEmpty else { return text }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }

    /// Whether a terminal diff is coloured: `always` and `never` decide; `auto` colours a terminal unless
    /// `NO_COLOR` is set to something (https://no-color.org) or `TERM` is `dumb`.
    public static func wantsColor(_ mode: ColorMode, isTerminal: Bool, environment: [String: String]) -> Bool {
        switch mode {
        case .always: true
        case .never: false
        case .auto: isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }
}

/// `--color auto|always|never`.
public enum ColorMode: String, Sendable, CaseIterable {
    /// Colour a terminal unless `NO_COLOR` is set or `TERM` is `dumb`.
    case auto
    /// Colour, even when piped and with `NO_COLOR`.
    case always
    /// Never colour.
    case never
}
