import DeclassKit
import Foundation

/// A release in a structured form, checked: the XML rendered, read back securely, validated against the
/// shipped XSD, and its text and attribute values passed through the release's own leak checker (JSON is
/// checked both ways: its bytes, and the XML projection of the same document). A release with leaks must
/// not be written.
public struct ExportedRelease: Sendable {
    public let document: CableDocument
    public let format: ExportFormat
    /// The output's bytes (UTF-8).
    public let bytes: [UInt8]
    /// Withheld text found in the output; offsets are into the checked projection (text and attributes).
    public let leaks: [Leak]

    /// Renders `release` of `cable` as `format`, validates it and checks it for leaks; throws when libxml2
    /// cannot write it or the XML is not valid against the schema (a bug: nothing must be written).
    public init(_ release: Release, cable: Cable, options: ReleaseOptions, format: ExportFormat = .xml) throws(XMLError) {
        let document = CableDocument(release, cable: cable, options: options)
        let xml = try CableDocumentWriter.render(document)
        let (problems, projection) = try XMLSchema.declass().check(xml, name: cable.name + ".xml")
        if !problems.isEmpty { throw XMLError.invalid(name: cable.name + ".xml", problems: problems) }
        var leaks = release.checker.check(projection)
        let bytes: [UInt8]
        switch format {
        case .xml:
            bytes = xml
        case .json:
            bytes = CableDocumentJSON.encode(document)
            if leaks.isEmpty { leaks = release.checker.check(bytes) }
        }
        self.document = document
        self.format = format
        self.bytes = bytes
        self.leaks = leaks
    }
}

/// The full, unredacted cable as a document (its real classification on the root), rendered and
/// validated: for internal systems only, never a release.
public struct UnredactedExport: Sendable {
    public let document: CableDocument
    public let bytes: [UInt8]

    /// Renders `cable` in full as `format`; `createDate` is the day it is written.
    public init(_ cable: Cable, createDate: CivilDate, format: ExportFormat = .xml) throws(XMLError) {
        let document = CableDocument(unredacted: cable, createDate: createDate)
        let xml = try CableDocumentWriter.render(document)
        try XMLSchema.declass().validate(xml, name: cable.name + ".xml")
        self.document = document
        bytes = format == .xml ? xml : CableDocumentJSON.encode(document)
    }

    /// The warning printed whenever an unredacted document is written.
    public static func warning(_ cable: Cable) -> String {
        "warning: \(cable.name): the unredacted export holds the full cable, marked \(cable.classification.bannerWord): for internal systems only, not a release"
    }
}

/// The JSON form of a document: the model's Codable form, sorted keys, pretty-printed.
public enum CableDocumentJSON {
    /// `doc` as JSON bytes (UTF-8), ending with a line feed.
    public static func encode(_ doc: CableDocument) -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? e.encode(doc) else { return Array("{}\n".utf8) }
        return [UInt8](data) + [0x0A]
    }
}
