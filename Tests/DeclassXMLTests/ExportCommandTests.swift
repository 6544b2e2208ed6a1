import DeclassKit
@testable import DeclassXML
import Foundation
import Testing

/// `declass export`, `redact --format xml`, `validate` and `inspect` of XML, through the executable.
@Suite struct ExportCommandTests {
    static let foia = Fixture.path("policies/foia-release.yaml")
    static let seed = Fixture.path("seeds/09ASTANA435.txt")

    @Test func exportWritesValidXMLNamedLikeItsInputInOutDir() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let r = try DeclassBinary.run(["export", Self.seed, Fixture.path("seeds/09ASTANA1000.txt"), "--policy", Self.foia,
                                       "--as-of", "2029-03-13", "--format", "xml", "--out-dir", folder.url.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(try folder.names() == ["09ASTANA1000.xml", "09ASTANA435.xml"])
        for name in try folder.names() {
            try XMLSchema.declass().validate([UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path(name)))), name: name)
        }
    }

    @Test func redactWithFormatXMLWritesTheSameDocumentAsExport() throws {
        let a = try DeclassBinary.run(["export", Self.seed, "--policy", Self.foia, "--as-of", "2029-03-13"])
        let b = try DeclassBinary.run(["redact", Self.seed, "--policy", Self.foia, "--as-of", "2029-03-13", "--format", "xml"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.out == b.out)
        #expect(a.out.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cable xmlns=\"urn:declass:cable:1\""))
    }

    @Test func exportAsJSONIsTheSameDocument() throws {
        let r = try DeclassBinary.run(["export", Self.seed, "--policy", Self.foia, "--as-of", "2029-03-13", "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        let doc = try JSONDecoder().decode(CableDocument.self, from: Data(r.out.utf8))
        #expect(doc.id == "09ASTANA435")
        #expect(doc.release?.disposition == "release-in-part")
        #expect(!r.out.contains("married to an ethnic Kazakh"))
    }

    @Test func unredactedExportIsMarkedWithTheRealClassificationAndWarns() throws {
        let r = try DeclassBinary.run(["export", "--unredacted", Self.seed])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("warning: \(Self.seed): the unredacted export holds the full cable, marked CONFIDENTIAL: for internal systems only, not a release"))
        #expect(r.out.contains("declass:document=\"unredacted\""))
        #expect(r.out.contains("ism:classification=\"C\" ism:ownerProducer=\"USA\" ism:classifiedBy=\"Ambassador Richard E. Hoagland\""))
        #expect(r.out.contains("married to an ethnic Kazakh"))
    }

    @Test func exportNeedsAPolicyUnlessUnredacted() throws {
        let r = try DeclassBinary.run(["export", Self.seed])
        #expect(r.status == 2)
        #expect(r.err.contains("give --policy FILE (or --unredacted for the full marked cable)"))
    }

    @Test func validatePrintsLibxml2ErrorsWithFileAndLine() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let good = try DeclassBinary.run(["export", Self.seed, "--policy", Self.foia, "--as-of", "2029-03-13", "-o", folder.path("good.xml")])
        #expect(good.status == 0)
        let text = try String(contentsOfFile: folder.path("good.xml"), encoding: .utf8)
        let broken = try folder.write("broken.xml", text.replacingOccurrences(of: "declass:disposition=\"withheld\"", with: "declass:disposition=\"hidden\""))
        let ok = try DeclassBinary.run(["validate", folder.path("good.xml")])
        #expect(ok.status == 0)
        #expect(ok.out == "\(folder.path("good.xml")): valid\n")
        let bad = try DeclassBinary.run(["validate", broken])
        #expect(bad.status == 2)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("declass:disposition=\"withheld\"") }) + 1
        #expect(bad.err.contains("declass: \(broken):\(line): Element '{urn:declass:cable:1}field', attribute '{urn:declass:cable:1}disposition': [facet 'enumeration'] The value 'hidden' is not an element of the set"), "\(bad.err)")
    }

    @Test func inspectReadsAnExportedDocument() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder.path("release.xml")
        #expect(try DeclassBinary.run(["export", Self.seed, "--policy", Self.foia, "--as-of", "2029-03-13", "-o", path]).status == 0)
        let r = try DeclassBinary.run(["inspect", path])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Document        declass cable document (release)"))
        #expect(r.out.contains("Disposition     release-in-part"))
        let json = try DeclassBinary.run(["inspect", "--format", "json", path])
        let doc = try JSONDecoder().decode(CableDocument.self, from: Data(json.out.utf8))
        let bytes = try CableDocumentWriter.render(doc)
        #expect(bytes == [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test func theShippedSchemaIsFoundByTheReleaseLayoutFromAnotherFolder() throws {
        // The debug binary next to the tests finds its resource bundle wherever it is run from.
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("x.xml", "<cable/>")
        guard let exe = DeclassBinary.path else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = ["validate", path]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(e.contains("No matching global declaration"), "\(e)")
    }
}
