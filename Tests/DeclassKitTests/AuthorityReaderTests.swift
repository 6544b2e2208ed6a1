import Foundation
import Testing
@testable import DeclassKit

/// `Classified By:` lines: who classified the cable, and the reasons in every written form.
@Suite("AuthorityReader")
struct AuthorityReaderTests {
    func read(_ text: String) -> ClassificationAuthority { AuthorityReader.read(text, line: 46) }

    @Test func commaBetweenLettersInOneParenthesis() {
        let a = read("Classified By: Ambassador Richard E. Hoagland, 1.4 (b,d)")
        #expect(a.by == "Ambassador Richard E. Hoagland")
        #expect(a.section == "1.4")
        #expect(a.reasons == ["b", "d"])
        #expect(a.authority == "1.4(B), 1.4(D)")
        #expect(a.line == 46)
        #expect(!a.derived)
    }

    @Test func eachLetterInItsOwnParenthesis() {
        let a = read("Classified By: Ambassador Richard E. Hoagland: 1.4 (B), (D)")
        #expect(a.by == "Ambassador Richard E. Hoagland")
        #expect(a.reasons == ["b", "d"])
    }

    @Test func lettersJoinedByAnd() {
        let a = read("Classified By: Ambassador George Argyros for reasons 1.4(b) and (d)")
        #expect(a.by == "Ambassador George Argyros")
        #expect(a.reasons == ["b", "d"])
    }

    @Test func olderSectionOnePointFiveInCapitals() {
        let a = read("CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).")
        #expect(a.by == "AMBASSADOR TOM MCDONALD")
        #expect(a.section == "1.5")
        #expect(a.reasons == ["b", "d"])
        #expect(a.authority == "1.5(B), 1.5(D)")
    }

    @Test func reasonsKeywordBeforeTheSection() {
        let a = read("Classified By: Charge d'Affaires Cherie Jackson, REASONS 1.5 (B) AND (D)")
        #expect(a.by == "Charge d'Affaires Cherie Jackson")
        #expect(a.section == "1.5")
        #expect(a.reasons == ["b", "d"])
    }

    @Test func lettersWithoutParentheses() {
        let a = read("Classified By: Political Counselor Pete O'Donohue for reasons 1.4 b and d")
        #expect(a.by == "Political Counselor Pete O'Donohue")
        #expect(a.reasons == ["b", "d"])
    }

    @Test func lettersSeparatedByASlash() {
        #expect(read("Classified By: DCM Jane Doe, 1.4 (B/D)").reasons == ["b", "d"])
    }

    @Test func parenthesesWithoutSeparator() {
        #expect(read("Classified By: DCM Jane Doe, 1.4 (B)(D)").reasons == ["b", "d"])
    }

    @Test func andBrokenAcrossALineEnd() {
        // The block's lines joined by a space: "(b) a" / "nd (d)".
        #expect(read("Classified By: Charge Jason P. Hyland for reasons 1.4 (b) a nd (d).").reasons == ["b", "d"])
        #expect(read("Classified By: Charge Jason P. Hyland for reasons 1.4 (b) an d (d).").reasons == ["b", "d"])
    }

    @Test func threeLettersWithAnOxfordComma() {
        let a = read("Classified By: ISN/MTR DIRECTOR PAM DURHAM FOR REASONS 1.4 (b), (c), and (d).")
        #expect(a.by == "ISN/MTR DIRECTOR PAM DURHAM")
        #expect(a.reasons == ["b", "c", "d"])
    }

    @Test func lettersAreSortedAndUnique() {
        #expect(read("Classified By: X, 1.4 (d), (b), (d)").reasons == ["b", "d"])
    }

    @Test func everyReasonFromAToH() {
        #expect(read("Classified By: X, 1.4 (a), (b), (c), (d), (e), (f), (g), (h)").reasons == ["a", "b", "c", "d", "e", "f", "g", "h"])
    }

    @Test func letterBeyondHIsNotAReason() {
        #expect(read("Classified By: X, 1.4 (i)").reasons == [])
    }

    @Test func reasonsAfterASentence() {
        let a = read("Classified By: Ambassador Ivo Daalder.  Reasons: 1.4 (b) and (d).")
        #expect(a.by == "Ambassador Ivo Daalder")
        #expect(a.reasons == ["b", "d"])
    }

    @Test func portionMarkedLineWithTheOrderBeforeTheSection() {
        let a = read("(U) Classified by Polcounselor John Kunstadter; reasons: E.O. 12958 1.4 (b,d).")
        #expect(a.by == "Polcounselor John Kunstadter")
        #expect(a.reasons == ["b", "d"])
    }

    @Test func classifierWithCommasKeepsThemUpToTheReasons() {
        let a = read("CLASSIFIED BY: Rachel Meyers, Deputy Political Counselor, State, POL; reason: 1.4(a), (b), (d)")
        #expect(a.by == "Rachel Meyers, Deputy Political Counselor, State, POL")
        #expect(a.reasons == ["a", "b", "d"])
    }

    @Test func derivedFromMultipleSources() {
        let a = read("Classified By: Derived from Multiple Sources")
        #expect(a.by == "Derived from Multiple Sources")
        #expect(a.derived)
        #expect(a.reasons == [])
        #expect(a.section == nil)
        #expect(a.authority == "")
    }

    @Test func noReasonsGiven() {
        let a = read("Classified By: Ambassador John Smith")
        #expect(a.by == "Ambassador John Smith")
        #expect(a.reasons == [])
        #expect(a.authority == "")
    }

    @Test func aDateAfterTheReasonsEndsThem() {
        #expect(read("Classified By: X, 1.4 (b) and (d) 12/31/2019").reasons == ["b", "d"])
    }
}

/// The Classified By block as the parser places it in a cable: its lines are joined before the reasons are read.
@Suite("Classified By in cables")
struct ClassifiedByInCablesTests {
    func cable(classifiedBy block: String) throws -> Cable {
        try CableParser.parse("""
            C O N F I D E N T I A L ASTANA 000001

            E.O. 12958: DECL: 03/12/2029
            TAGS: PREL KZ
            SUBJECT: TEST

            \(block)

            1. (C) Text.

            """)
    }

    @Test func andSplitAcrossTwoLines() throws {
        let c = try cable(classifiedBy: "Classified By: Charge Jason P. Hyland for reasons 1.4 (b) a\nnd (d).")
        let authority = try #require(c.authority)
        #expect(authority.by == "Charge Jason P. Hyland")
        #expect(authority.reasons == ["b", "d"])
        #expect(c.paragraphs.count == 1)
    }

    @Test func reasonsOnTheNextLine() throws {
        let c = try cable(classifiedBy: "Classified By: ISN/MTR DIRECTOR PAM DURHAM FOR REASONS\n1.4 (b), (c), and (d).")
        #expect(c.authority?.by == "ISN/MTR DIRECTOR PAM DURHAM")
        #expect(c.authority?.reasons == ["b", "c", "d"])
    }

    @Test func reasonLineAfterTheClassifier() throws {
        let c = try cable(classifiedBy: "CLASSIFIED BY: Paul R Sutphin, Consul General, Dubai, UAE.\nREASON: 1.4 (b), (d)")
        #expect(c.authority?.by == "Paul R Sutphin, Consul General, Dubai, UAE")
        #expect(c.authority?.reasons == ["b", "d"])
    }
}

/// The byte reading of ASCII blocks (`readASCII`) against the reading over characters, and the streaming
/// reasons reader against the reference that merges a list of words: on every Classified By block of the
/// corpus and on random text made of the blocks' pieces.
@Suite("AuthorityReader fast paths")
struct AuthorityReaderFastPathTests {
    func expectAgreement(_ s: String) {
        if let fast = AuthorityReader.readASCII(s, line: 7) {
            #expect(fast == AuthorityReader.readByCharacters(s, line: 7), "\(s.debugDescription)")
        }
        #expect(AuthorityReader.read(s, line: 7) == AuthorityReader.readByCharacters(s, line: 7), "\(s.debugDescription)")
        let upper = Array(s.utf8).map(ByteText.upper)
        #expect(AuthorityReader.readReasons(upper) == AuthorityReader.readReasonsByWords(upper), "\(s.debugDescription)")
    }

    @Test func agreesOnEveryCorpusBlock() throws {
        var blocks = 0
        for url in try Fixtures.corpusFiles() {
            let cable = try CableParser.parse(try Data(contentsOf: url).map { $0 }, name: url.path)
            for k in cable.units.indices where cable.units[k].kind == .classifiedBy {
                let words = cable.words(of: cable.units[k])
                expectAgreement(words)
                expectAgreement(cable.sourceText(of: cable.units[k]))
                blocks += 1
            }
        }
        #expect(blocks > 20)
    }

    @Test func agreesOnRandomText() {
        let pieces = ["Classified By: ", "CLASSIFIED BY", "(U) ", "(", ")", " ", "  ", "\t", "\n", "\r\n", ":", ".", ",", ";", "1.4", "1.5", " 1.4 ",
                      "(b)", "(d)", " a", "nd ", "an", "d", " and ", " or ", "B", "H", "I", "for reasons ", "REASON", "Derived from ", "12", "é", "x"]
        for s in randomTexts(pieces, seed: 0xA117, count: 6_000, maxPieces: 10) {
            expectAgreement(s)
        }
    }

    @Test func foldedTextIsToldEightBytesATime() {
        // `isFoldedASCII` against its definition, byte by byte: ASCII, no byte below 0x20, no space first, last
        // or after a space; on texts long enough for several words of eight, spaces at every offset.
        let pieces = ["Classified By: ", "Ambassador", " ", "  ", "\t", "\n", "\r", "\u{0C}", "1.4 (b) and (d).", "x", "é", "\u{7F}", "REASONS"]
        var folded = 0
        for s in randomTexts(pieces, seed: 0xF01D, count: 8_000, maxPieces: 14) {
            let bytes = Array(s.utf8)
            var expected = !bytes.isEmpty ? bytes.first != 0x20 && bytes.last != 0x20 : true
            for (i, c) in bytes.enumerated() where c >= 0x80 || c < 0x20 || (c == 0x20 && i > 0 && bytes[i - 1] == 0x20) { expected = false }
            if expected { folded += 1 }
            bytes.withUnsafeBufferPointer { b in
                #expect(AuthorityReader.isFoldedASCII(b) == expected, "\(s.debugDescription)")
            }
        }
        #expect(folded > 500)
    }

    @Test func refusesTextThatIsNotPlainASCII() {
        #expect(AuthorityReader.readASCII("Classified By: José, 1.4 (b)", line: 1) == nil)
        #expect(AuthorityReader.readASCII("Classified By: X,\r\n1.4 (b)", line: 1) == nil)
    }
}
