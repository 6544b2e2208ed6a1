/// A portion marking as written at the start of a paragraph (`(C)`, `(S//NF)`, `(C/REL NATO)`), read into a
/// level and dissemination controls; or the classification a paragraph inherits when it carries no mark.
public struct PortionMarking: Sendable, Hashable, Codable {
    /// Where the marking came from, so that reviewers can see which marks were guessed.
    public enum Source: String, Sendable, Hashable, Codable {
        /// Written on the portion itself.
        case written
        /// Not written: taken from the cable's banner (fail closed).
        case inherited
        /// Taken from a statement such as `CONFIDENTIAL - ENTIRE TEXT.`
        case entireText = "entire-text"
    }

    /// The level; `.unknown` when the mark could not be read.
    public var classification: Classification
    /// Dissemination controls in canonical form: `NOFORN`, `FGI`, `REL TO NATO`, `FOUO`, `ORCON`, …
    public var controls: [String]
    /// The mark's text as written, without parentheses (`S//NF`); empty when inherited.
    public var written: String
    public var source: Source

    public init(classification: Classification, controls: [String] = [], written: String = "", source: Source = .written) {
        self.classification = classification
        self.controls = controls
        self.written = written
        self.source = source
    }

    /// True when the mark was written but could not be read: never released by a rule that does not name it.
    public var isUnknown: Bool { classification == .unknown }

    /// True when the paragraph carried no mark and took the banner's.
    public var isInherited: Bool { source != .written }

    /// The mark in canonical portion form, e.g. `S//NF`, `C//REL TO NATO`, `U`.
    public var canonical: String {
        ([classification.abbreviation] + controls.map(PortionMarking.abbreviate)).joined(separator: "//")
    }

    static func abbreviate(_ control: String) -> String { control == "NOFORN" ? "NF" : control }
}
