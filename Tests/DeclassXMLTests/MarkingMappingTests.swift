import DeclassKit
@testable import DeclassXML
import Foundation
import Testing

/// How cables' markings become IC-ISM attributes, and where the old markings with no ISM token go.
@Suite struct MarkingMappingTests {
    func unredacted(_ file: String) throws -> CableDocument {
        try UnredactedExport(try Fixture.cable(file), createDate: day("2026-11-27")).document
    }

    func part(_ doc: CableDocument, _ label: String) throws -> XMLPart {
        try #require(doc.parts.first { $0.label == label })
    }

    @Test func theUnredactedRootCarriesTheCablesRealMarking() throws {
        let root = try unredacted("seeds/09ASTANA435.txt").marking
        #expect(root.classification == "C")
        #expect(root.classifiedBy == "Ambassador Richard E. Hoagland")
        #expect(root.classificationReason == "1.4(B), 1.4(D)")
        #expect(root.declassDate == "2029-03-12")
        #expect(root.declassKind == "date")
    }

    @Test func sbuIsUnclassifiedWithTheNonICMarkingSBU() throws {
        let p3 = try part(try unredacted("seeds/09ASTANA1000.txt"), "¶3")
        let m = try #require(p3.marking)
        #expect(m.classification == "U")
        #expect(m.nonICMarkings == ["SBU"])
        #expect(m.mark == "SBU")
        #expect(m.classifiedBy == nil)
    }

    @Test func noforrnIsNFAndRelToIsRELWithItsCountries() throws {
        let doc = try unredacted("corpus/08STATE116943.txt")
        #expect(doc.marking.disseminationControls == ["NF"])
        let p33 = try #require(try part(doc, "¶33").marking)
        #expect(p33.classification == "S")
        #expect(p33.disseminationControls == ["REL"])
        #expect(p33.releasableTo == ["USA", "FVEY"])
        #expect(p33.mark == "S//REL TO USA, FVEY")
    }

    @Test func oadrAndSourceMarkedExemptionsAreCarriedInDeclassAttributes() throws {
        let capeTown = try unredacted("corpus/90CAPETOWN97.txt").marking
        #expect(capeTown.declassKind == "oadr")
        #expect(capeTown.declassDate == nil)
        #expect(capeTown.declassException.isEmpty)
        let state = try unredacted("corpus/08STATE116943.txt").marking
        #expect(state.oldExemptions == ["25X1-HUMAN"])
        #expect(state.declassException.isEmpty)
    }

    @Test func anEO12958ExemptionX1IsADeclassExemptionNotAnISMToken() throws {
        let c = try cable("""
            CONFIDENTIAL SECTION 01 OF 01 ASTANA 000998

            E.O. 12958: DECL: X1
            TAGS: PREL KZ
            SUBJECT: AN X1 CABLE

            Classified By: Ambassador John Ordway, Reasons 1.4 (b) and (d)

            1. (C) A paragraph exempt from declassification by date.

            """)
        let m = try UnredactedExport(c, createDate: day("2026-11-27")).document.marking
        #expect(m.oldExemptions == ["X1"])
        #expect(m.declassException.isEmpty)
        #expect(m.declassDate == nil)
    }

    @Test func aReleaseOfADeclassifiedCableIsUnclassifiedAndSaysSo() throws {
        let (_, e) = try export(try Fixture.cable("seeds/09ASTANA435.txt"), "foia-release", "2029-03-13")
        #expect(e.document.marking.classification == "U")
        #expect(e.document.marking.declassified)
        let p1 = try #require(try part(e.document, "¶1").marking)
        #expect(p1.classification == "U")
        #expect(p1.mark == "C")
        #expect(p1.declassified)
        #expect(p1.classifiedBy == nil)
    }

    @Test func aReleaseBeforeTheDeclassificationDateKeepsWithheldPortionsMarkedC() throws {
        let (_, e) = try export(try Fixture.cable("seeds/09ASTANA435.txt"), "foia-release", "2026-11-24")
        let p4 = try part(e.document, "¶4")
        #expect(p4.disposition == .withheld)
        #expect(p4.marking?.classification == "C")
        #expect(p4.marking?.declassDate == "2029-03-12")
        #expect(e.document.release?.disposition == "denied-in-full" || e.document.release?.disposition == "release-in-part")
    }

    @Test func everyPortionCarriesOwnerProducerUSAAndTheRootTheResourceAttributes() throws {
        let (_, e) = try export(try Fixture.cable("seeds/09ASTANA435.txt"), "release-all")
        let xml = e.bytes.string
        #expect(xml.contains("ism:resourceElement=\"true\" ism:createDate=\"2026-11-27\" ism:DESVersion=\"10\""))
        let portions = e.document.parts.filter { $0.marking != nil }.count
        #expect(xml.components(separatedBy: "ism:ownerProducer=\"USA\"").count - 1 == portions + 1)
    }
}
