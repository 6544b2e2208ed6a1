import Testing
@testable import DeclassKit

/// Portion marks: known levels and controls, unknown but mark-shaped text, and words in parentheses that
/// are not marks at all.
@Suite("MarkingReader")
struct MarkingReaderTests {
    /// Reads the mark at the start of `text` the way the layout does, from the `(`.
    func read(_ text: String) -> (PortionMarking, Int)? {
        Array(text.utf8).withUnsafeBufferPointer { MarkingReader.read(ByteText($0), at: 0, end: $0.count) }
    }

    struct Known: CustomTestStringConvertible, Sendable {
        var mark: String
        var level: Classification
        var controls: [String]
        var canonical: String
        var testDescription: String { mark }
    }

    static let known: [Known] = [
        Known(mark: "(U)", level: .unclassified, controls: [], canonical: "U"),
        Known(mark: "(SBU)", level: .sensitiveButUnclassified, controls: [], canonical: "SBU"),
        Known(mark: "(C)", level: .confidential, controls: [], canonical: "C"),
        Known(mark: "(S)", level: .secret, controls: [], canonical: "S"),
        Known(mark: "(TS)", level: .topSecret, controls: [], canonical: "TS"),
        Known(mark: "(S/NF)", level: .secret, controls: ["NOFORN"], canonical: "S//NF"),
        Known(mark: "(S//NF)", level: .secret, controls: ["NOFORN"], canonical: "S//NF"),
        Known(mark: "(S//FGI//NF)", level: .secret, controls: ["FGI", "NOFORN"], canonical: "S//FGI//NF"),
        Known(mark: "(C/REL NATO)", level: .confidential, controls: ["REL TO NATO"], canonical: "C//REL TO NATO"),
        Known(mark: "(SBU/NF)", level: .sensitiveButUnclassified, controls: ["NOFORN"], canonical: "SBU//NF"),
        Known(mark: "(U//FOUO)", level: .unclassified, controls: ["FOUO"], canonical: "U//FOUO"),
        Known(mark: "(C//REL TO USA, GBR)", level: .confidential, controls: ["REL TO USA, GBR"], canonical: "C//REL TO USA, GBR"),
        Known(mark: "(S//NOFORN)", level: .secret, controls: ["NOFORN"], canonical: "S//NF"),
        Known(mark: "(s)", level: .secret, controls: [], canonical: "S"),
        Known(mark: "(secret//rel germany)", level: .secret, controls: ["REL TO GERMANY"], canonical: "S//REL TO GERMANY"),
        Known(mark: "(C/OC)", level: .confidential, controls: ["ORCON"], canonical: "C//ORCON"),
    ]

    @Test(arguments: known)
    func knownMarkIsRead(_ k: Known) throws {
        let (marking, end) = try #require(read(k.mark + " The text."))
        #expect(marking.classification == k.level)
        #expect(marking.controls == k.controls)
        #expect(marking.canonical == k.canonical)
        #expect(marking.written == String(k.mark.dropFirst().dropLast()))
        #expect(marking.source == .written)
        #expect(!marking.isUnknown)
        #expect(end == k.mark.utf8.count)
    }

    @Test(arguments: ["(CHINA)", "(1)", "(12)", "(a)", "(NOTE: this is a note)", "(Reuters)", "()", "(C", "(2) the second point"])
    func wordsInParenthesesAreNotMarks(_ text: String) {
        #expect(read(text) == nil, "\(text)")
    }

    @Test(arguments: ["(LOU)", "(X/NF)", "(CX)", "(C//ZZZ)", "(S/XYZ)"])
    func markShapedButUnreadableIsUnknown(_ text: String) throws {
        let (marking, _) = try #require(read(text))
        #expect(marking.classification == .unknown)
        #expect(marking.isUnknown)
        #expect(marking.written == String(text.dropFirst().dropLast()))
    }

    @Test func unknownSortsAboveTopSecret() {
        #expect(Classification.unknown > .topSecret)
        #expect(Classification.unclassified < .sensitiveButUnclassified)
        #expect(Classification.sensitiveButUnclassified < .confidential)
        #expect(Classification.confidential < .secret)
        #expect(Classification.secret < .topSecret)
    }

    @Test func markMustStartAtTheParenthesis() {
        #expect(read(" (C)") == nil)
        #expect(read("C)") == nil)
    }

    @Test func overlongParenthesesAreNotAMark() {
        #expect(read("(" + String(repeating: "S/", count: 40) + ")") == nil)
    }
}

/// Marks as the layout meets them in cables.
@Suite("Markings in cables")
struct MarkingsInCablesTests {
    @Test func foreignGovernmentInformationMarksInACorpusCable() throws {
        let cable = try Fixtures.corpus("08STATE116943")
        let p15 = try #require(cable.paragraphs.first { $0.number == 15 })
        #expect(p15.marking?.canonical == "S//FGI//NF")
    }

    @Test func sbuNoforn() throws {
        let cable = try Fixtures.corpus("09LONDON2768")
        let p8 = try #require(cable.paragraphs.first { $0.number == 8 })
        #expect(p8.marking?.canonical == "SBU//NF")
    }

    @Test func unmarkedParagraphInAClassifiedCableInheritsTheBanner() throws {
        let text = """
            C O N F I D E N T I A L ASTANA 000001

            E.O. 12958: DECL: 03/12/2029
            TAGS: PREL KZ
            SUBJECT: TEST

            1. (C) Marked.

            2. Not marked.

            """
        let cable = try CableParser.parse(text)
        let p2 = try #require(cable.paragraphs.last)
        #expect(p2.marking?.classification == .confidential)
        #expect(p2.marking?.source == .inherited)
        #expect(p2.marking?.isInherited == true)
    }

    @Test func unknownMarkStaysUnknownInTheCable() throws {
        let text = """
            C O N F I D E N T I A L ASTANA 000001

            E.O. 12958: DECL: 03/12/2029
            TAGS: PREL KZ
            SUBJECT: TEST

            1. (LOU) Limited official use.

            """
        let cable = try CableParser.parse(text)
        let p1 = try #require(cable.paragraphs.first)
        #expect(p1.marking?.classification == .unknown)
        #expect(p1.marking?.written == "LOU")
    }

    @Test func parenthesesThatAreNotAMarkLeaveTheParagraphInherited() throws {
        let text = """
            S E C R E T ASTANA 000001

            E.O. 12958: DECL: 03/12/2029
            TAGS: PREL KZ
            SUBJECT: TEST

            1. (CHINA) Beijing said nothing.

            """
        let cable = try CableParser.parse(text)
        let p1 = try #require(cable.paragraphs.first)
        #expect(p1.marking?.classification == .secret)
        #expect(p1.marking?.source == .inherited)
        #expect(cable.words(of: p1).hasPrefix("(CHINA) Beijing"))
    }
}
