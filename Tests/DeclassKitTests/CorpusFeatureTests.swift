import Foundation
import Testing
@testable import DeclassKit

/// The messier forms real cables take (../shared/corpus, copied under Fixtures/corpus), one behaviour each.
@Suite("Corpus features")
struct CorpusFeatureTests {
    func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    @Test func partialExtractNoticeIsItsOwnUnit() throws {
        let cable = try Fixtures.corpus("04MADRID4367")
        #expect(cable.isPartialExtract)
        #expect(cable.units.first?.kind == .notice)
    }

    @Test func partialExtractWithoutADateTakesItsIdYearFromTheFileName() throws {
        let cable = try Fixtures.corpus("04MADRID4367")
        #expect(cable.date == nil)
        #expect(cable.id == "04MADRID4367")
        #expect(cable.diagnostics.contains { $0.code == "id-from-file-name" })
    }

    @Test func gluedPageHeadersAndBannerRepeatsAreNotParagraphWords() throws {
        let cable = try Fixtures.corpus("00HARARE6677")
        for p in cable.paragraphs {
            let words = cable.words(of: p)
            #expect(!words.contains("PAGE 0"), "\(p.label)")
            #expect(!words.contains("291400Z"), "\(p.label)")
            #expect(!words.hasSuffix("CONFIDENTIAL"), "\(p.label)")
        }
        #expect(cable.diagnostics.contains { $0.code == "glued-page-break" })
        #expect(cable.diagnostics.contains { $0.code == "glued-banner" })
    }

    @Test func sipdisGluedToALineStartIsNotAParagraphWord() throws {
        let cable = try Fixtures.corpus("00HARARE6677")
        let p1 = try #require(cable.paragraphs.first)
        #expect(cable.sourceText(of: p1).contains("\nSIPDIS SCENARIOS"))
        #expect(cable.words(of: p1).contains("FOUR SCENARIOS UNDER WHICH"))
    }

    @Test func subjectContinuesAfterAGluedPageHeader() throws {
        let cable = try Fixtures.corpus("00HARARE6677")
        #expect(cable.subject == "ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER")
    }

    @Test func tagsWithoutAColon() throws {
        let cable = try Fixtures.corpus("09ASMARA80")
        #expect(cable.tags == ["PGOV", "PREL", "ECON", "PINR", "ER"])
    }

    @Test func eoLineAndTagsOnOneLine() throws {
        let cable = try Fixtures.corpus("08OSLO585")
        #expect(cable.declassification.date == date(2018, 10, 29))
        #expect(cable.tags == ["MARR", "MASS", "MCAP", "PREL", "PGOV", "NO"])
    }

    @Test func notApplicableAndTagsOnOneLine() throws {
        let cable = try Fixtures.corpus("09SAOPAULO660")
        #expect(cable.declassification.kind == .notApplicable)
        #expect(cable.tags == ["PGOV", "PINR", "PREL", "KPAO", "KIRF", "BR"])
    }

    @Test func manualReviewInACable() throws {
        let cable = try Fixtures.corpus("08STATE116943")
        #expect(cable.declassification.kind == .manualReview)
        #expect(cable.declassification.declassifiesOn == nil)
    }

    @Test func oadrUnderExecutiveOrder12356() throws {
        let cable = try Fixtures.corpus("90CAPETOWN97")
        #expect(cable.declassification.kind == .oadr)
        #expect(cable.declassification.order == "12356")
    }

    @Test func entireTextStatementMarksTheParagraphs() throws {
        let cable = try Fixtures.corpus("90CAPETOWN97")
        #expect(!cable.paragraphs.isEmpty)
        for p in cable.paragraphs {
            #expect(p.marking?.classification == .confidential, "\(p.label)")
            #expect(p.marking?.source == .entireText, "\(p.label)")
        }
    }

    @Test func notApplicableWithoutASpaceAfterEO() throws {
        let cable = try Fixtures.corpus("91IZMIR373")
        #expect(cable.declassification.kind == .notApplicable)
        #expect(cable.declassification.order == "12356")
    }

    @Test func downgradeInACable() throws {
        let cable = try Fixtures.corpus("09USNATO464")
        #expect(cable.declassification.kind == .downgrade)
        #expect(cable.declassification.date == date(2029, 10, 18))
        #expect(cable.declassification.declassifiesOn == nil)
    }

    @Test func eventInACable() throws {
        let cable = try Fixtures.corpus("09MOSCOW1108")
        #expect(cable.declassification.kind == .event)
        #expect(cable.declassification.declassifiesOn == nil)
    }

    @Test func yearMonthDayInALowerCaseLine() throws {
        let cable = try Fixtures.corpus("09NAIROBI2497")
        #expect(cable.declassification.kind == .date)
        #expect(cable.declassification.date == date(2019, 12, 16))
    }

    @Test func cableWithoutAnEOLineIsMissing() throws {
        let cable = try Fixtures.corpus("09BRASILIA1540")
        #expect(cable.declassification.kind == .missing)
        #expect(cable.declassification.declassifiesOn == nil)
    }

    @Test func secretNofornBanner() throws {
        let cable = try Fixtures.corpus("09TRIPOLI771")
        #expect(cable.classification == .secret)
        #expect(cable.controls == ["NOFORN"])
    }

    @Test func garbledBannerFailsClosedToUnknown() throws {
        let cable = try Fixtures.corpus("09MOSCOW1108")
        #expect(cable.classification == .unknown)
        #expect(cable.diagnostics.contains { $0.code == "unreadable-banner" })
    }

    @Test func paragraphNumberWithoutSpaceBeforeTheMark() throws {
        let cable = try Fixtures.corpus("07DUBAI355")
        let first = cable.paragraphs.prefix(5)
        #expect(first.map(\.number) == [1, 2, 3, 4, 5])
        #expect(first.map { $0.marking?.written } == ["S", "SBU", "C", "S", "S"])
    }

    @Test func releasableToMarksGlued() throws {
        #expect(try Fixtures.corpus("10STATE9565").paragraphs.first?.marking?.canonical == "S//REL TO UK")
        #expect(try Fixtures.corpus("10USNATO35").paragraphs.first?.marking?.canonical == "S//REL TO NATO")
    }

    @Test func unmarkedParagraphsOfAnUnclassifiedCableAreUnclassified() throws {
        let cable = try Fixtures.corpus("91IZMIR373")
        #expect(!cable.paragraphs.isEmpty)
        #expect(cable.paragraphs.allSatisfy { $0.marking?.classification == .unclassified && $0.marking?.source == .inherited })
    }

    @Test func priorRedactionsAreKept() throws {
        let cable = try Fixtures.corpus("09HARARE888")
        #expect(cable.priorRedactions.count == 3)
        for r in cable.priorRedactions {
            #expect(cable.text(r).allSatisfy { $0 == "X" || $0 == "x" })
        }
    }

    @Test func priorRedactionsAnywhereInTheCableAreKept() throws {
        // 09TRIPOLI771 has 24 runs of X: one in its Classified By line, one glued to a word ("retinueXXXXXXXXXXXX").
        let cable = try Fixtures.corpus("09TRIPOLI771")
        #expect(cable.priorRedactions.count == 24)
    }

    @Test func anUnclasBannerOverSBUPortionsIsReadAsSBU() throws {
        // Real UNCLAS cables carry (SBU) paragraphs without a SENSITIVE caption: the marking is inconsistent,
        // so the cable is read at its highest portion, SBU (fail closed), with a note saying so.
        for id in ["07PARIS1791", "08MADRID6", "09BRASILIA1540"] {
            let cable = try Fixtures.corpus(id)
            #expect(cable.classification == .sensitiveButUnclassified, "\(id)")
            #expect(cable.highestPortion == .sensitiveButUnclassified, "\(id)")
            #expect(cable.diagnostics.contains { $0.code == "sensitive-but-unclassified" && $0.message.contains("(SBU) portions") }, "\(id)")
        }
    }

    @Test func strayParagraphLineBeforeTheBannerDoesNotHideTheCable() throws {
        // Found by the fuzzer (duplicated lines): one marked paragraph line above the header makes the whole
        // cable "not a cable", although its banner, E.O. line, TAGS and SUBJECT are all there.
        let bytes = Array("¶7. (C) A stray paragraph line.\n".utf8) + (try Fixtures.bytes("corpus/09ASMARA80.txt"))
        let cable = try CableParser.parse(bytes, name: "stray.txt")
        #expect(cable.declassification.date == date(2019, 3, 4))
        #expect(cable.tags == ["PGOV", "PREL", "ECON", "PINR", "ER"])
    }
}
