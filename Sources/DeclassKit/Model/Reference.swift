/// One entry of a cable's REF list (`A. ASTANA 0319`, `STATE 54767`, `09 NAIROBI 2487`).
public struct Reference: Sendable, Hashable, Codable {
    /// The letter as written (`A`), when the list is lettered.
    public var letter: String?
    /// The entry's text as written, rendering artifacts removed.
    public var text: String
    /// A canonical cable id (`09ASTANA319`) when the entry names a cable; the year comes from the entry or,
    /// when it has none, from the citing cable's date.
    public var cableID: String?

    public init(letter: String? = nil, text: String, cableID: String? = nil) {
        self.letter = letter
        self.text = text
        self.cableID = cableID
    }
}
