import Foundation
import Testing
@testable import DeclassKit

/// Every real cable the repository holds parses without an error, and its units give the input back byte
/// for byte; so do crafted inputs with the byte-level oddities real files have.
@Suite("Corpus and source fidelity")
struct CorpusTests {
    @Test func everyCorpusCableParsesAndRoundTrips() throws {
        let files = try Fixtures.corpusFiles()
        #expect(files.count == 61)
        var roundTripped = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            do {
                let cable = try CableParser.parse(bytes, name: file.lastPathComponent)
                let problems = fidelityProblems(cable)
                #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems.joined(separator: "; "))")
                if problems.isEmpty { roundTripped += 1 }
            } catch {
                Issue.record("\(file.lastPathComponent): \(error)")
            }
        }
        print("parsed and round-tripped \(roundTripped) corpus cables")
        #expect(roundTripped == files.count)
    }

    @Test func everyCorpusCableHasAnIdMatchingItsFileName() throws {
        // Two site pages pair one cable's routing header with another cable's body: the id is formed from the
        // body's banner and the header's date. 09MOSCOW1108 holds the body of SHENYANG 000004; 88BAGHDAD28
        // (FM AMEMBASSY BAGHDAD) holds the body of STATE 068250 (`S e c r e t state 068250`).
        let mislabelled = ["09MOSCOW1108": "09SHENYANG4", "88BAGHDAD28": "88STATE68250"]
        for file in try Fixtures.corpusFiles() {
            let name = file.deletingPathExtension().lastPathComponent
            let cable = try CableParser.parse([UInt8](try Data(contentsOf: file)), name: file.lastPathComponent)
            #expect(cable.id == (mislabelled[name] ?? name), "\(file.lastPathComponent)")
        }
    }

    @Test func everySampleParsesAndRoundTrips() throws {
        let files = try Fixtures.textFiles(in: Fixtures.samples)
        #expect(!files.isEmpty, "no samples found at \(Fixtures.samples.path)")
        for file in files {
            let cable = try CableInput.load(file.path)
            let problems = fidelityProblems(cable)
            #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems.joined(separator: "; "))")
        }
        print("parsed and round-tripped \(files.count) samples")
    }

    @Test func samplesAreNamedByTheirCableId() throws {
        for file in try Fixtures.textFiles(in: Fixtures.samples) {
            let cable = try CableInput.load(file.path)
            #expect(cable.id == file.deletingPathExtension().lastPathComponent)
        }
    }

    @Test func seedsRoundTrip() throws {
        for id in ["09ASTANA435", "09ASTANA1000"] {
            #expect(fidelityProblems(try Fixtures.seed(id)).isEmpty, "\(id)")
        }
    }
}

/// Byte-level oddities of real files: the parse keeps them all, and the fields still read.
@Suite("Round trip of crafted inputs")
struct CraftedRoundTripTests {
    /// A small cable with every common part, written with `\n` line ends.
    static let cable = """
        VZCZCXRO0001
        OO RUEHBI
        DE RUEHTA #0012/01 0710728
        ZNY CCCCC ZZH
        O 120728Z MAR 09
        FM AMEMBASSY ASTANA
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 4874

        C O N F I D E N T I A L ASTANA 000012

        SIPDIS

        E.O. 12958: DECL: 03/12/2029
        TAGS: PREL KZ
        SUBJECT: KAZAKHSTAN: A SHORT TEST CABLE

        Classified By: Ambassador Richard E. Hoagland, 1.4 (b,d)

        1. (C) First paragraph.

        2. (SBU) Second paragraph, with more words.

        HOAGLAND

        """

    func parse(_ bytes: [UInt8]) throws -> Cable {
        let cable = try CableParser.parse(bytes, name: "crafted.txt")
        let problems = fidelityProblems(cable)
        #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")
        return cable
    }

    func expectFieldsRead(_ cable: Cable, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(cable.id == "09ASTANA12", sourceLocation: sourceLocation)
        #expect(cable.declassification.date == CivilDate(year: 2029, month: 3, day: 12), sourceLocation: sourceLocation)
        #expect(cable.tags == ["PREL", "KZ"], sourceLocation: sourceLocation)
        #expect(cable.paragraphs.map { $0.marking?.written } == ["C", "SBU"], sourceLocation: sourceLocation)
    }

    @Test func plainCableRoundTrips() throws {
        expectFieldsRead(try parse(Array(Self.cable.utf8)))
    }

    @Test func crlfLineEndsRoundTrip() throws {
        let crlf = Self.cable.replacingOccurrences(of: "\n", with: "\r\n")
        let cable = try parse(Array(crlf.utf8))
        expectFieldsRead(cable)
        #expect(cable.subject == "KAZAKHSTAN: A SHORT TEST CABLE")
        #expect(cable.signature == "HOAGLAND")
    }

    @Test func tabsRoundTrip() throws {
        let tabbed = Self.cable
            .replacingOccurrences(of: "TAGS: PREL KZ", with: "TAGS:\tPREL\tKZ")
            .replacingOccurrences(of: "1. (C) First", with: "1.\t(C)\tFirst")
        let cable = try parse(Array(tabbed.utf8))
        expectFieldsRead(cable)
    }

    @Test func trailingSpacesRoundTrip() throws {
        let spaced = Self.cable.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "   " }.joined(separator: "\n")
        let cable = try parse(Array(spaced.utf8))
        expectFieldsRead(cable)
        #expect(cable.signature == "HOAGLAND")
    }

    @Test func byteOrderMarkRoundTrips() throws {
        let cable = try parse([0xEF, 0xBB, 0xBF] + Array(Self.cable.utf8))
        #expect(cable.source.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(cable.id == "09ASTANA12")
    }

    @Test func nonASCIITextRoundTrips() throws {
        let text = Self.cable
            .replacingOccurrences(of: "1. (C) First paragraph.", with: "¶1. (C) Zhigalov’s “first” paragraph: Алматы, Kraków, 北京, 🇰🇿.")
        let cable = try parse(Array(text.utf8))
        let p1 = try #require(cable.paragraphs.first)
        #expect(cable.words(of: p1) == "Zhigalov’s “first” paragraph: Алматы, Kraków, 北京, 🇰🇿.")
        #expect(p1.number == 1)
    }

    @Test func missingFinalNewlineRoundTrips() throws {
        var text = Self.cable
        while text.last == "\n" { text.removeLast() }
        let cable = try parse(Array(text.utf8))
        #expect(cable.source.last == UInt8(ascii: "D"))
        #expect(cable.signature == "HOAGLAND")
    }

    @Test func everyOddityAtOnceRoundTrips() throws {
        var text = Self.cable.replacingOccurrences(of: "\n", with: " \t\r\n")
        text = "\u{FEFF}" + text.replacingOccurrences(of: "First paragraph.", with: "Première étape — 第一.")
        while text.last == "\n" || text.last == "\r" || text.last == "\t" || text.last == " " { text.removeLast() }
        _ = try parse(Array(text.utf8))
    }

    @Test func lineNumbersCountLineFeedsOnly() throws {
        let crlf = Self.cable.replacingOccurrences(of: "\n", with: "\r\n")
        let lf = try parse(Array(Self.cable.utf8))
        let cr = try parse(Array(crlf.utf8))
        #expect(lf.units.map(\.firstLine) == cr.units.map(\.firstLine))
        #expect(lf.units.map(\.kind) == cr.units.map(\.kind))
    }
}
