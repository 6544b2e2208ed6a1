import DeclassKit
@testable import DeclassXML
import Foundation
import Testing

/// Every corpus cable (and both seeds) exported under foia-release and release-all: valid against the
/// shipped XSD through the library and through xmllint, its ism: attributes valid under ODNI's schema,
/// no leak, and XML → model → XML the same bytes.
@Suite struct CorpusExportTests {
    static func files() throws -> [String] { try Fixture.corpusFiles() + Fixture.seedFiles }

    @Test(arguments: Fixture.policies)
    func everyCableExportedIsValidAgainstTheShippedXSDThroughTheLibrary(policy: String) throws {
        let schema = try XMLSchema.declass()
        var count = 0
        for file in try Self.files() {
            let (_, e) = try export(try Fixture.cable(file), policy)
            try schema.validate(e.bytes, name: file)
            count += 1
        }
        #expect(count == 63)
    }

    @Test(arguments: Fixture.policies)
    func noCorpusExportLeaks(policy: String) throws {
        for file in try Self.files() {
            let (r, e) = try export(try Fixture.cable(file), policy)
            // 07ALGIERS1809 withholds a heading reading COMMENT: the XML's block names must not count.
            #expect(e.leaks.isEmpty, "\(file): \(e.leaks)")
            #expect(r.leaks.isEmpty, "\(file): \(r.leaks)")
        }
    }

    @Test(arguments: Fixture.policies)
    func readingAnExportAndWritingItAgainGivesTheSameBytes(policy: String) throws {
        for file in try Self.files() {
            let (_, e) = try export(try Fixture.cable(file), policy)
            let read = try CableDocumentReader.read(e.bytes, name: file)
            #expect(read == e.document, "\(file): the model read back differs")
            #expect(try CableDocumentWriter.render(read) == e.bytes, "\(file): XML → model → XML differs")
        }
    }

    @Test func theUnredactedExportOfEveryCableIsValidAndRoundTrips() throws {
        for file in try Self.files() {
            let c = try Fixture.cable(file)
            let u = try UnredactedExport(c, createDate: day("2026-11-27"))
            let read = try CableDocumentReader.read(u.bytes, name: file)
            #expect(read.kind == .unredacted)
            #expect(try CableDocumentWriter.render(read) == u.bytes, "\(file)")
        }
    }

    @Test func xmllintValidatesEveryExportAgainstTheShippedXSD() throws {
        guard try runTool("xmllint", ["--version"]) != nil else {
            // `.ci/run` installs libxml2-utils (Scripts/bootstrap.sh --deps-only); a bare machine may lack it.
            print("skipped: xmllint is not installed (apt-get install libxml2-utils)")
            return
        }
        let folder = try TempFolder()
        defer { folder.remove() }
        var paths: [String] = []
        for policy in Fixture.policies {
            for file in try Self.files() {
                let (_, e) = try export(try Fixture.cable(file), policy)
                let p = folder.path("\(policy)-\((file as NSString).lastPathComponent).xml")
                try Data(e.bytes).write(to: URL(fileURLWithPath: p))
                paths.append(p)
            }
        }
        let xsd = try XMLSchema.declass().path
        guard let r = try runTool("xmllint", ["--noout", "--nonet", "--schema", xsd] + paths) else { return }
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.components(separatedBy: " validates").count - 1 == 126, "\(r.err)")
    }

    /// The ism: attributes of the root and of every portion, copied verbatim into a document of the test
    /// schema that gives ODNI's own attribute groups to a resource and a portion element.
    static func ismInstance(_ xml: [UInt8]) throws -> [UInt8] {
        let text = xml.string
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<markings xmlns=\"urn:declass:test:ism-conformance\" xmlns:ism=\"urn:us:gov:ic:ism\">\n"
        var first = true
        for tag in text.matches(of: /<([A-Za-z]+) ([^>]*?)\/?>/) {
            let attributes = tag.output.2.matches(of: /(ism:[A-Za-z]+="[^"]*")/).map { String($0.output.1) }
            if attributes.isEmpty { continue }
            out += "  <\(first ? "resource" : "portion") \(attributes.joined(separator: " "))/>\n"
            first = false
        }
        return Array((out + "</markings>\n").utf8)
    }

    @Test(arguments: Fixture.policies)
    func theIsmAttributesOfEveryPortionAreValidUnderTheOfficialISMSchema(policy: String) throws {
        let official = try XMLSchema(path: Fixture.path("ism-conformance.xsd"))
        var portions = 0
        for file in try Self.files() {
            let (_, e) = try export(try Fixture.cable(file), policy)
            let instance = try Self.ismInstance(e.bytes)
            try official.validate(instance, name: file)
            portions += e.document.parts.filter { $0.marking != nil }.count
            #expect(instance.string.components(separatedBy: "<portion ").count - 1 == e.document.parts.filter { $0.marking != nil }.count)
        }
        #expect(portions > 1000)
    }

    @Test func theUnredactedMarkingsAreValidUnderTheOfficialISMSchemaToo() throws {
        let official = try XMLSchema(path: Fixture.path("ism-conformance.xsd"))
        for file in try Self.files() {
            let u = try UnredactedExport(try Fixture.cable(file), createDate: day("2026-11-27"))
            try official.validate(try Self.ismInstance(u.bytes), name: file)
        }
    }

    @Test func theOfficialSchemaRejectsAMarkingItDoesNotKnow() throws {
        let official = try XMLSchema(path: Fixture.path("ism-conformance.xsd"))
        let bad = Array("""
            <markings xmlns="urn:declass:test:ism-conformance" xmlns:ism="urn:us:gov:ic:ism">
              <resource ism:classification="U" ism:ownerProducer="USA" ism:resourceElement="true" ism:createDate="2026-11-27" ism:DESVersion="10"/>
              <portion ism:classification="SBU" ism:ownerProducer="USA"/>
            </markings>
            """.utf8)
        #expect(throws: XMLError.self) { try official.validate(bad, name: "bad.xml") }
    }
}
