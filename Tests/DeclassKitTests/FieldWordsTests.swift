import Testing
@testable import DeclassKit

/// The byte readings of a unit's words in `CableFields` (handling words, a field's value after its name)
/// against their readings over characters: on every corpus unit and on random text with non-ASCII characters,
/// combining marks and CR LF pairs.
@Suite("Field words")
struct FieldWordsTests {
    static let names: [StaticString] = ["REFERENCES", "REFERENCE", "REFTELS", "REFTEL", "REFS", "REF"]

    func expectAgreement(_ s: String) {
        #expect(CableFields.handlingWords(s) == CableFields.handlingWordsByCharacters(s), "\(s.debugDescription)")
        #expect(CableFields.fieldValue(s, after: Self.names) == CableFields.fieldValueByCharacters(s, after: Self.names), "\(s.debugDescription)")
        #expect(CableFields.fieldValue(s, after: ["TAGS"]) == CableFields.fieldValueByCharacters(s, after: ["TAGS"]), "\(s.debugDescription)")
    }

    @Test func agreesOnEveryCorpusUnit() throws {
        for url in try Fixtures.corpusFiles() {
            let cable = try CableParser.parse(try Fixtures.bytes("corpus/" + url.lastPathComponent), name: url.path)
            for k in cable.units.indices { expectAgreement(cable.words(of: cable.units[k])) }
        }
    }

    @Test func agreesOnRandomText() {
        let pieces = ["REF", "ref", "REFS", "Reftel", "TAGS", "tags", ":", ".", " ", ",", "E", "e", "SIPDIS", "noforn", "é", "\u{301}", "\r\n", "\r", "A", "x"]
        for s in randomTexts(pieces, seed: 0xF1E1, count: 6_000, maxPieces: 8) {
            expectAgreement(s)
        }
    }

    @Test func dropsTheLoneEOfEFTO() {
        #expect(CableFields.handlingWords("E F T O, sipdis") == ["F", "T", "O", "SIPDIS"])
    }
}
