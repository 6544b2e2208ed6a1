import DeclassKit
import DeclassXML
import Foundation
import Testing

/// `declass sweep --format xml`: each release written as the XML `export` writes, named `.xml`, valid.
@Suite struct SweepXMLTests {
    @Test func sweepWritesEachReleaseAsTheValidXMLExportWrites() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("declass-sweep-xml-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/in", withIntermediateDirectories: true)
        for f in Fixture.seedFiles {
            try FileManager.default.copyItem(atPath: Fixture.path(f), toPath: root + "/in/" + (f as NSString).lastPathComponent)
        }
        let options = SweepOptions(inputs: [root + "/in"], outDir: root + "/out",
                                   policy: try PolicyLoader.load(Fixture.path("policies/foia-release.yaml")), asOf: day("2029-03-13"),
                                   format: XMLReleaseRenderer(), jobs: 2, release: fixedOptions)
        let summary = try Sweep.run(options)
        #expect(summary.byDisposition == ["released-in-part": 2])
        for f in Fixture.seedFiles {
            let id = ((f as NSString).lastPathComponent as NSString).deletingPathExtension
            let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/out/\(id).xml")))
            let cable = try CableParser.parse(try Fixture.bytes(f), name: root + "/in/\(id).txt")
            let (_, exported) = try export(cable, "foia-release", "2029-03-13")
            #expect(written == exported.bytes)
            try XMLSchema.declass().validate(written, name: "\(id).xml")
        }
    }

    func folder() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("declass-sweep-xml-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/in", withIntermediateDirectories: true)
        return root
    }

    func options(_ root: String, format: any ReleaseRenderer) throws -> SweepOptions {
        SweepOptions(inputs: [root + "/in"], outDir: root + "/out", policy: try PolicyLoader.load(Fixture.path("policies/foia-release.yaml")),
                     asOf: day("2029-03-13"), format: format, jobs: 2, release: fixedOptions)
    }

    @Test func switchingToXMLRemovesTheTextReleases() throws {
        let root = try folder()
        try FileManager.default.copyItem(atPath: Fixture.path("seeds/09ASTANA435.txt"), toPath: root + "/in/09ASTANA435.txt")
        _ = try Sweep.run(try options(root, format: TextReleaseRenderer()))
        #expect(FileManager.default.fileExists(atPath: root + "/out/09ASTANA435.txt"))
        _ = try Sweep.run(try options(root, format: XMLReleaseRenderer()))
        #expect(!FileManager.default.fileExists(atPath: root + "/out/09ASTANA435.txt"))
        #expect(FileManager.default.fileExists(atPath: root + "/out/09ASTANA435.xml"))
    }

    @Test func twoInputsWithOneXMLOutputAreRefused() throws {
        let root = try folder()
        try FileManager.default.copyItem(atPath: Fixture.path("seeds/09ASTANA435.txt"), toPath: root + "/in/a.txt")
        try FileManager.default.copyItem(atPath: Fixture.path("seeds/09ASTANA1000.txt"), toPath: root + "/in/a.TXT")
        #expect(throws: SweepError.sameOutput(path: "a.xml", first: root + "/in/a.TXT", second: root + "/in/a.txt")) {
            try Sweep.run(try options(root, format: XMLReleaseRenderer()))
        }
    }
}
