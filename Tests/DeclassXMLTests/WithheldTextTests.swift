import DeclassKit
@testable import DeclassXML
import Foundation
import Testing

/// No withheld or redacted text stands anywhere in a released XML document, attributes included; the XML
/// leak check catches what the text release cannot show (an attribute).
@Suite struct WithheldTextTests {
    /// Words of a text, lower-cased, letters and digits only, joined by one space.
    static func folded(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    /// The XML's text and attribute values with entities decoded, folded.
    static func readable(_ xml: [UInt8]) -> String {
        var s = xml.string
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#10;", "\n"), ("&#9;", "\t"), ("&#13;", "\r"), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: entity, with: char)
        }
        return " " + folded(s) + " "
    }

    @Test func noWithheldTextOfFourWordsOrMoreStandsInAnyReleasedXML() throws {
        var checked = 0
        for file in try Fixture.corpusFiles() + Fixture.seedFiles {
            for asOf in ["2026-11-24", "2029-03-13"] {
                let (r, e) = try export(try Fixture.cable(file), "foia-release", asOf)
                let xml = Self.readable(e.bytes)
                for part in r.withheld {
                    let words = Self.folded(part.text)
                    guard words.split(separator: " ").count >= 4 else { continue }
                    // A text the policy released elsewhere (an overlap) is not a leak; none of these is.
                    #expect(!xml.contains(" " + words + " "), "\(file) \(asOf): withheld \(part.label) stands in the XML")
                    checked += 1
                }
            }
        }
        #expect(checked > 400)
    }

    @Test func withheldPortionsAreEmptyElementsThatKeepTheirAttributes() throws {
        let (r, e) = try export(try Fixture.cable("seeds/09ASTANA435.txt"), "foia-release", "2026-11-24")
        let withheld = e.document.parts.filter { $0.disposition == .withheld }
        #expect(withheld.count == r.review.decisions.filter { $0.action == .withhold && $0.rule != "structure" && $0.kind != .blank }.count)
        for p in withheld {
            #expect(p.content.isEmpty, "\(p.label)")
            #expect(p.marking != nil)
            #expect(p.exemption != nil, "\(p.label)")
        }
        let xml = e.bytes.string
        #expect(xml.contains("<paragraph part=\"paragraph\" label=\"¶4\" line="))
        #expect(xml.contains("declass:disposition=\"withheld\" declass:exemption=\"B1\" declass:authority=\"1.4(B), 1.4(D)\" declass:rule=\"classified-not-declassified\"/>"))
    }

    @Test func redactedSpansAreElementsOfTheirOwnWithoutTheirText() throws {
        let (_, e) = try export(try Fixture.cable("seeds/09ASTANA435.txt"), "foia-release", "2029-03-13")
        let xml = e.bytes.string
        #expect(!Self.readable(e.bytes).contains(" married to an ethnic kazakh "))
        let p12 = try #require(e.document.parts.first { $0.label == "¶12" })
        #expect(p12.disposition == .redacted)
        #expect(p12.content.contains { if case .redacted(let ex, _, _) = $0 { ex == "B6" } else { false } })
        #expect(xml.contains("<redacted declass:exemption=\"B6\" declass:rule=\"personal-marriage\" length="))
    }

    @Test func withheldTextInAnAttributeIsALeakOfTheXMLThoughNotOfTheText() throws {
        // The file name is an attribute of the XML (source) but is not in the release text.
        let original = try Fixture.bytes("seeds/09ASTANA435.txt")
        let c = try CableParser.parse(original, name: "Zhigalov is married to an ethnic Kazakh.txt")
        let (r, e) = try export(c, "foia-release", "2029-03-13")
        #expect(r.leaks.isEmpty)
        #expect(!e.leaks.isEmpty)
        #expect(e.leaks.allSatisfy { $0.unit == "¶12" && $0.rule == "personal-marriage" }, "\(e.leaks)")
    }

    @Test func theCommandWritesNothingAndExitsThreeWhenTheXMLLeaks() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let input = folder.path("Zhigalov is married to an ethnic Kazakh.txt")
        try FileManager.default.copyItem(atPath: Fixture.path("seeds/09ASTANA435.txt"), toPath: input)
        let out = folder.path("out.xml")
        let r = try DeclassBinary.run(["export", input, "--policy", Fixture.path("policies/foia-release.yaml"), "--as-of", "2029-03-13", "-o", out])
        #expect(r.status == 3, "\(r.err)")
        #expect(r.err.contains("leak check: withheld text of ¶12 (rule personal-marriage)"))
        #expect(try folder.names() == ["Zhigalov is married to an ethnic Kazakh.txt"])
    }
}
