import Foundation
import Testing
@testable import DeclassKit
import DeclassTestSupport

/// TAGS, REF lists and the cables they name.
@Suite("FieldReaders")
struct FieldReaderTests {
    // MARK: Artifacts and TAGS

    @Test func renderingArtifactsKeepTheirText() {
        #expect(FieldReaders.stripArtifacts("[PREL](#) [PINR](#)") == "PREL PINR")
        #expect(FieldReaders.stripArtifacts("- [B. ASTANA 0957](#)") == "- B. ASTANA 0957")
    }

    @Test func renderedParagraphSignIsDropped() {
        #expect(FieldReaders.stripArtifacts("[1](#)B. ASTANA 0412") == "B. ASTANA 0412")
    }

    @Test func unclosedBracketIsKept() {
        #expect(FieldReaders.stripArtifacts("A [note") == "A [note")
    }

    @Test func tagsSplitOnSpacesAndCommasAndAreUpperCased() {
        #expect(FieldReaders.tags("PGOV, PREL, ECON, PINR, ER") == ["PGOV", "PREL", "ECON", "PINR", "ER"])
        #expect(FieldReaders.tags("mtcre, parm, prel") == ["MTCRE", "PARM", "PREL"])
        #expect(FieldReaders.tags("[PREL](#) [PINR](#) KZ") == ["PREL", "PINR", "KZ"])
    }

    @Test func secondTagsLineIsRecognised() {
        #expect(FieldReaders.looksLikeTagCodes("AF, PK, KZ"))
        #expect(!FieldReaders.looksLikeTagCodes("SUBJECT: KAZAKHSTAN"))
        #expect(!FieldReaders.looksLikeTagCodes("The Ambassador met"))
    }

    // MARK: REF lists

    @Test func letteredListOnOneLine() {
        let refs = FieldReaders.references("A. ASTANA 0319 B. ASTANA 0412", citingYear: 2009)
        #expect(refs == [
            Reference(letter: "A", text: "ASTANA 0319", cableID: "09ASTANA319"),
            Reference(letter: "B", text: "ASTANA 0412", cableID: "09ASTANA412"),
        ])
    }

    @Test func parenthesisedLetters() {
        let refs = FieldReaders.references("(A) MADRID 3785 (B) MADRID 3566 (C) SECSTATE 36633", citingYear: 2005)
        #expect(refs.map(\.letter) == ["A", "B", "C"])
        #expect(refs.map(\.cableID) == ["05MADRID3785", "05MADRID3566", "05STATE36633"])
    }

    @Test func fieldNameWrittenTwiceIsNotAnEntry() {
        let refs = FieldReaders.references("REF (A) MADRID 3785 (B) MADRID 3566", citingYear: 2005)
        #expect(refs.map(\.text) == ["MADRID 3785", "MADRID 3566"])
    }

    @Test func renderedParagraphSignsBeforeLetters() {
        let refs = FieldReaders.references("A. BAKU 1761\n\n    ¶B. BAKU 1819\n    ¶C. BAKU 1700", citingYear: 2006)
        #expect(refs == [
            Reference(letter: "A", text: "BAKU 1761", cableID: "06BAKU1761"),
            Reference(letter: "B", text: "BAKU 1819", cableID: "06BAKU1819"),
            Reference(letter: "C", text: "BAKU 1700", cableID: "06BAKU1700"),
        ])
    }

    @Test func dashBulletsAndArtifacts() {
        let refs = FieldReaders.references("A. SECSTATE 54767\n\n- [B. ASTANA 0957](#)\n- [C. ASTANA 0983](#)", citingYear: 2009)
        #expect(refs.map(\.cableID) == ["09STATE54767", "09ASTANA957", "09ASTANA983"])
    }

    @Test func semicolonSeparatedEntries() {
        let refs = FieldReaders.references("09 STATE 122115; 09 NAIROBI 2487", citingYear: 2009)
        #expect(refs.map(\.text) == ["09 STATE 122115", "09 NAIROBI 2487"])
        #expect(refs.map(\.cableID) == ["09STATE122115", "09NAIROBI2487"])
    }

    // MARK: Cable ids in references

    @Test func yearFromTheCitingCable() {
        #expect(FieldReaders.cableID(in: "ASTANA 0319", citingYear: 2009) == "09ASTANA319")
    }

    @Test func twoDigitYearWritten() {
        #expect(FieldReaders.cableID(in: "08 MUNICH 355 and previous", citingYear: 2009) == "08MUNICH355")
    }

    @Test func fourDigitYearWritten() {
        #expect(FieldReaders.cableID(in: "2007 VLADIVOSTOK 095", citingYear: 2008) == "07VLADIVOSTOK95")
        #expect(FieldReaders.cableID(in: "2009 STATE 122247", citingYear: 2010) == "09STATE122247")
    }

    @Test func parenthesisedYearWritten() {
        #expect(FieldReaders.cableID(in: "(08) SAO PAULO 581", citingYear: 2009) == "08SAOPAULO581")
    }

    @Test func multiWordPost() {
        #expect(FieldReaders.cableID(in: "ADDIS ABABA 567", citingYear: 2009) == "09ADDISABABA567")
        #expect(FieldReaders.cableID(in: "RIO DE JANEIRO 12", citingYear: 2009) == "09RIODEJANEIRO12")
    }

    @Test func secstateIsState() {
        #expect(FieldReaders.cableID(in: "SECSTATE 54767", citingYear: 2009) == "09STATE54767")
    }

    @Test func centuryBoundaryYears() {
        #expect(FieldReaders.cableID(in: "STATE 5", citingYear: 2000) == "00STATE5")
        #expect(FieldReaders.cableID(in: "99 STATE 5", citingYear: 2000) == "99STATE5")
    }

    @Test func referenceThatNamesNoCable() {
        #expect(FieldReaders.cableID(in: "IMSWM-0028-2010", citingYear: 2010) == nil)
        #expect(FieldReaders.cableID(in: "Embassy email of March 3", citingYear: 2010) == nil)
        #expect(FieldReaders.cableID(in: "MARCH 3 TELCON", citingYear: 2010) == nil)
    }

    @Test func noYearAnywhereGivesNoId() {
        #expect(FieldReaders.cableID(in: "STATE 2311", citingYear: nil) == nil)
        #expect(FieldReaders.cableID(in: "04 STATE 2311", citingYear: nil) == "04STATE2311")
    }
    // MARK: The ASCII reader agrees with the general one

    /// Every line from `REF` on in the corpus (with the 3 lines after it), the way the general reader reads it.
    @Test func asciiReferenceReaderReadsEveryCorpusRefFieldAsTheGeneralReaderDoes() throws {
        var fields = 0
        for url in try Fixtures.corpusFiles() {
            let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false)
            for (k, line) in lines.enumerated() where line.uppercased().hasPrefix("REF") {
                let text = lines[k..<min(lines.count, k + 4)].joined(separator: "\n")
                guard let fast = ASCIIReferenceReader.references(text, citingYear: 2009) else { continue }
                #expect(fast == FieldReaders.generalReferences(text, citingYear: 2009), "\(url.lastPathComponent):\(k + 1)")
                fields += 1
            }
        }
        #expect(fields >= 25)
    }

    /// Random lists of the words REF fields are made of: bullets of every form, years, posts, numbers,
    /// fillers, separators and rendering artifacts.
    @Test func asciiReferenceReaderAgreesWithTheGeneralReaderOnRandomLists() {
        let words = ["A.", "(B)", "C)", "C)2008", "D)", "-", "REF", "REFS:", "REF:", "REFTEL", "09", "(08)", "2007", "1939", "STATE",
                     "SECSTATE", "ASTANA", "0319", "12345678", "0", "JAN", "SEPT", "SEPTEMBER", ";", ",", ":", "[1](#)", "[PREL](#)",
                     "[B. ASTANA 0957](#)", "[", "](#)", "AND", "THE", "SEE", "1.4", "B.", "(", ")", "(C", "E-MAIL", "123A", "45-B",
                     "abu", "Dhabi", "x.", "(a)", ",;,", "; ;", "¶B.", "¶(C)", "¶", "A¶", "¶¶A.", "[¶D.](#)"]
        let spaces = [" ", "  ", "\n", "\t", " \n ", "\r", "\r\n", ""]
        var rng = SplitMix64(seed: 0x5EF5)
        var compared = 0
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...14, using: &rng) {
                text += words.randomElement(using: &rng)! + spaces.randomElement(using: &rng)!
            }
            let year = [nil, 2009, 2000][Int.random(in: 0...2, using: &rng)]
            guard let fast = ASCIIReferenceReader.references(text, citingYear: year) else {
                #expect(text.contains("\r\n"))  // only CR LF sends this text to the general reader
                continue
            }
            #expect(fast == FieldReaders.generalReferences(text, citingYear: year), "\(text.debugDescription)")
            compared += 1
        }
        #expect(compared > 2_000)
    }

    @Test func asciiTagsReaderReadsEveryCorpusTagsLineAsTheGeneralReaderDoes() throws {
        var lines = 0
        for url in try Fixtures.corpusFiles() {
            for line in String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n") where line.uppercased().contains("TAGS") {
                guard let fast = ASCIIFields.tags(String(line)) else { continue }
                #expect(fast == FieldReaders.generalTags(String(line)), "\(url.lastPathComponent): \(line)")
                lines += 1
            }
        }
        #expect(lines >= 55)
    }

    /// Every corpus line with a `[`, stripped on bytes and over Characters.
    @Test func stripArtifactsReadsEveryCorpusLineAsTheCharacterReaderDoes() throws {
        var lines = 0
        for url in try Fixtures.corpusFiles() {
            for line in String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n") where line.contains("[") {
                #expect(FieldReaders.stripArtifacts(String(line)) == FieldReaders.stripArtifactsByCharacters(String(line)), "\(url.lastPathComponent): \(line)")
                lines += 1
            }
        }
        #expect(lines >= 10)
    }

    @Test func stripArtifactsAgreesWithTheCharacterReaderOnRandomText() {
        let words = ["[", "]", "(", "#", ")", "](#)", "[1](#)", "[PREL](#)", "1", "A", " ", "\r\n", "\r", "\n", "é", "e\u{301}", "]\u{301}(#)", "[\u{301}"]
        var rng = SplitMix64(seed: 0x5A12)
        var ascii = 0
        for _ in 0..<4_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &rng) { text += words.randomElement(using: &rng)! }
            if !text.utf8.contains(where: { $0 >= 0x80 }) { ascii += 1 }
            #expect(FieldReaders.stripArtifacts(text) == FieldReaders.stripArtifactsByCharacters(text), "\(text.debugDescription)")
        }
        #expect(ascii > 200)
    }

    @Test func asciiTagsReaderAgreesWithTheGeneralReaderOnRandomLists() {
        let words = ["PREL", "pgov", "KZ", "AF.", ".PK", "...", "[PREL](#)", "[1](#)", "[", "](#)", "[x", "E.O.", "12958:", "DECL:", "ASEC_ECON", "-"]
        let separators = [" ", ", ", ",", "\t", ";", " ; ", "", "\n", "  "]
        var rng = SplitMix64(seed: 0x7A65)
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...10, using: &rng) { text += words.randomElement(using: &rng)! + separators.randomElement(using: &rng)! }
            #expect(ASCIIFields.tags(text) == FieldReaders.generalTags(text), "\(text.debugDescription)")
        }
    }
}

/// Dates in every form cables write them.
@Suite("DateReader")
struct DateReaderTests {
    func read(_ s: String, pivot: Int? = 2009) -> CivilDate? { DateReader.read(Substring(s), pivot: pivot)?.date }

    @Test func numericForms() {
        #expect(read("03/12/2029") == CivilDate(year: 2029, month: 3, day: 12))
        #expect(read(" 6/3/2017") == CivilDate(year: 2017, month: 6, day: 3))
        #expect(read("2019/12/16") == CivilDate(year: 2019, month: 12, day: 16))
        #expect(read("2019-12-16") == CivilDate(year: 2019, month: 12, day: 16))
        #expect(read("12.16.2019") == CivilDate(year: 2019, month: 12, day: 16))
    }

    @Test func mixedSeparatorsAreRefused() {
        #expect(read("12/16-2019") == nil)
    }

    @Test func writtenForms() {
        #expect(read("JUNE 21, 2006") == CivilDate(year: 2006, month: 6, day: 21))
        #expect(read("June 21 2006") == CivilDate(year: 2006, month: 6, day: 21))
        #expect(read("30 JUN 2005") == CivilDate(year: 2005, month: 6, day: 30))
        #expect(read("21 SEPT 2006") == CivilDate(year: 2006, month: 9, day: 21))
    }

    @Test func twoDigitYearIsWidenedAndReported() throws {
        let r = try #require(DateReader.read("11/29/10", pivot: 2000))
        #expect(r.date == CivilDate(year: 2010, month: 11, day: 29))
        #expect(r.twoDigitYear != nil)
    }

    @Test func widenAgainstThePivot() {
        #expect(DateReader.widen(10, pivot: 2000) == 2010)
        #expect(DateReader.widen(99, pivot: 2000) == 2099)
        #expect(DateReader.widen(99, pivot: 1989) == 1999)
        #expect(DateReader.widen(8, pivot: 2009) == 2008)
        #expect(DateReader.widen(7, pivot: 2009) == 2107)  // DECL dates lie ahead of the cable
        #expect(DateReader.widen(84, pivot: 1979) == 1984)
    }

    @Test func monthNames() {
        #expect(DateReader.month("MAR") == 3)
        #expect(DateReader.month("March") == 3)
        #expect(DateReader.month("SEPT") == 9)
        #expect(DateReader.month("MARCHING") == nil)
        #expect(DateReader.month("MA") == nil)
    }

    @Test func dateTimeGroup() throws {
        let (date, group) = try #require(DateReader.readDTG(["120728Z", "MAR", "09"]))
        #expect(date == CivilDate(year: 2009, month: 3, day: 12))
        #expect(group == "120728Z MAR 09")
        #expect(DateReader.readDTG(["291359Z", "Nov", "00"])?.0 == CivilDate(year: 2000, month: 11, day: 29))
        #expect(DateReader.readDTG(["100400Z", "AUG", "72"])?.0 == CivilDate(year: 1972, month: 8, day: 10))
    }

    @Test func impossibleDatesAreRefused() {
        #expect(read("02/30/2019") == nil)
        #expect(read("13/13/2019") == nil)
        #expect(read("00/10/2019") == nil)
        #expect(DateReader.readDTG(["320728Z", "MAR", "09"]) == nil)
    }

}
