import DeclassKit
@testable import DeclassXML
import Foundation
import Testing

/// XML that is malformed, declares a DTD or entities, is a billion laughs, or follows another schema:
/// refused with a clear error, nothing read from disk or network, nothing expanded; exit 2 from the CLI.
@Suite(.serialized) struct HostileInputTests {
    static func externalEntity(_ target: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE cable [
          <!ENTITY secret SYSTEM "file://\(target)">
        ]>
        <cable xmlns="urn:declass:cable:1">&secret;</cable>
        """
    }

    static let billionLaughs: String = {
        var s = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            s += "  <!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">\n"
        }
        return s + "]>\n<lolz>&lol9;</lolz>\n"
    }()

    @Test func anExternalEntityIsRefusedWithoutReadingTheFile() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let sentinel = try folder.write("sentinel.txt", "SENTINEL-7f3a never to be read")
        let before = XMLSecurity.refused
        #expect(throws: XMLError.doctype(name: "entity.xml", line: 2)) {
            _ = try CableDocumentReader.read(Array(Self.externalEntity(sentinel).utf8), name: "entity.xml")
        }
        // The parse stopped at the DOCTYPE: the entity loader was not even asked for the file.
        #expect(XMLSecurity.refused == before)
    }

    @Test func anExternalDTDIsRefusedWithoutFetchingIt() throws {
        let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE cable SYSTEM \"http://example.invalid/cable.dtd\">\n<cable/>\n"
        let before = XMLSecurity.refused
        #expect(throws: XMLError.doctype(name: "dtd.xml", line: 2)) { _ = try CableDocumentReader.read(Array(doc.utf8), name: "dtd.xml") }
        #expect(XMLSecurity.refused == before)
    }

    @Test func theEntityLoaderRefusesFilesOutsideTheSchemasFolder() throws {
        // A schema importing a file outside its own folder: the loader is asked, refuses, and says so.
        let outside = try TempFolder()
        let inside = try TempFolder()
        defer { outside.remove(); inside.remove() }
        let target = try outside.write("other.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:x\"/>")
        let xsd = try inside.write("main.xsd", """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:main">
              <xs:import namespace="urn:x" schemaLocation="file://\(target)"/>
              <xs:element name="a"/>
            </xs:schema>
            """)
        _ = try? XMLSchema(path: xsd)
        #expect(XMLSecurity.refused.contains { $0.hasSuffix("/other.xsd") })
    }

    @Test func aBillionLaughsIsRefusedAtOnce() throws {
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: XMLError.doctype(name: "lol.xml", line: 2)) { _ = try CableDocumentReader.read(Array(Self.billionLaughs.utf8), name: "lol.xml") }
        #expect(clock.now - start < .milliseconds(200))
    }

    /// The error reading `text` gives, or nil when it is accepted.
    static func error(_ text: String, name: String) -> XMLError? {
        do {
            _ = try CableDocumentReader.read(Array(text.utf8), name: name)
            return nil
        } catch {
            return error
        }
    }

    @Test func malformedXMLNamesTheLine() throws {
        let e = Self.error("<?xml version=\"1.0\"?>\n<cable>\n  <paragraph>\n</cable>\n", name: "bad.xml")
        guard case .malformed(let name, let line, let message)? = e else {
            Issue.record("not refused as malformed: \(String(describing: e))")
            return
        }
        #expect(name == "bad.xml")
        #expect(line == 4)
        #expect(message.contains("mismatch"), "\(message)")
    }

    @Test func xmlOfAnotherSchemaIsInvalidWithItsLine() throws {
        let e = Self.error("<?xml version=\"1.0\"?>\n<html>\n<body/>\n</html>\n", name: "page.xml")
        guard case .invalid(let name, let problems)? = e else {
            Issue.record("not refused as invalid: \(String(describing: e))")
            return
        }
        #expect(name == "page.xml")
        #expect(problems.first?.line == 2)
        #expect(problems.first?.message.contains("No matching global declaration") == true, "\(problems)")
    }

    @Test func emptyInputIsMalformed() {
        #expect(throws: XMLError.malformed(name: "empty.xml", line: 1, message: "empty document")) {
            _ = try CableDocumentReader.read([], name: "empty.xml")
        }
    }

    @Test(arguments: ["validate", "inspect"])
    func theCommandsExitTwoOnHostileXMLAndWriteNothing(command: String) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let sentinel = try folder.write("sentinel.txt", "SENTINEL-7f3a never to be read")
        let cases = [
            ("entity.xml", Self.externalEntity(sentinel), "entity.xml:2: the document has a DOCTYPE"),
            ("lol.xml", Self.billionLaughs, "lol.xml:2: the document has a DOCTYPE"),
            ("bad.xml", "<?xml version=\"1.0\"?>\n<cable>\n  <paragraph>\n</cable>\n", "bad.xml:4: not well-formed XML"),
            ("page.xml", "<?xml version=\"1.0\"?>\n<html>\n<body/>\n</html>\n", "page.xml:2: Element 'html': No matching global declaration"),
        ]
        for (name, text, message) in cases {
            let path = try folder.write(name, text)
            let r = try DeclassBinary.run([command, path])
            #expect(r.status == 2, "\(command) \(name): \(r.err)")
            #expect(r.err.contains(message), "\(command) \(name): \(r.err)")
            #expect(!r.out.contains("SENTINEL") && !r.err.contains("SENTINEL"))
            #expect(!r.out.contains("lollol"))
        }
        #expect(try folder.names() == ["bad.xml", "entity.xml", "lol.xml", "page.xml", "sentinel.txt"])
    }
}
