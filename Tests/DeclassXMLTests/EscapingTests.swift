import DeclassKit
@testable import DeclassXML
import Foundation
import Testing

/// Cable text with XML's special characters, characters XML cannot hold, and non-ASCII: escaped by
/// libxml2's writer and read back unchanged.
@Suite struct EscapingTests {
    static let paragraph = "Fish & chips <b>not a tag</b> ]]> \"double\" 'single' café Алматы 北京 tab\there ESC\u{1B}[0m bell\u{07} end."

    static let text = """
        UNCLAS SECTION 01 OF 01 ASTANA 000999

        E.O. 12958: N/A
        TAGS: PREL KZ
        SUBJECT: ESCAPES & <TAGS> ]]> "QUOTED"

        1. (U) \(paragraph)

        2. (U) Second paragraph.

        """

    func exported() throws -> (Cable, ExportedRelease) {
        let c = try cable(Self.text)
        let (_, e) = try export(c, "release-all")
        return (c, e)
    }

    @Test func specialCharactersAreEscapedInTheXML() throws {
        let xml = try exported().1.bytes.string
        #expect(xml.contains("Fish &amp; chips &lt;b&gt;not a tag&lt;/b&gt; ]]&gt; &quot;double&quot; 'single' café Алматы 北京 tab\there ESC<char code=\"1B\"/>[0m bell<char code=\"7\"/> end."))
        #expect(xml.contains("SUBJECT: ESCAPES &amp; &lt;TAGS&gt; ]]&gt; &quot;QUOTED&quot;"))
        #expect(!xml.contains("\u{1B}"))
        #expect(!xml.contains("\u{07}"))
    }

    @Test func theParagraphReadsBackAsWritten() throws {
        let (_, e) = try exported()
        let read = try CableDocumentReader.read(e.bytes, name: "escapes.xml")
        let p = try #require(read.parts.first { $0.label == "¶1" })
        var text = ""
        for piece in p.content {
            switch piece {
            case .text(let t): text += t
            case .control(let c): text.unicodeScalars.append(Unicode.Scalar(c) ?? "?")
            default: Issue.record("unexpected piece \(piece)")
            }
        }
        #expect(text == Self.paragraph)
        #expect(read == e.document)
        #expect(try CableDocumentWriter.render(read) == e.bytes)
    }

    @Test func controlCharactersInAttributesBecomeReplacementCharacters() {
        #expect(XMLText.attribute("a\u{1}b\tc") == "a\u{FFFD}b\tc")
        #expect(XMLText.inlines("x\u{FFFE}y") == [.text("x"), .control(0xFFFE), .text("y")])
    }

    @Test func attributeValuesWithQuotesAndLineBreaksRoundTrip() throws {
        var doc = try exported().1.document
        doc.source = "a \"quoted\" <name> & 'x'\nsecond\tline.txt"
        let bytes = try CableDocumentWriter.render(doc)
        #expect(bytes.string.contains("source=\"a &quot;quoted&quot; &lt;name&gt; &amp; 'x'&#10;second&#9;line.txt\""))
        #expect(try CableDocumentReader.read(bytes, name: "attr.xml").source == doc.source)
    }
}
