import DeclassKit

/// The release as XML for sweeps: rendered, validated against the shipped XSD and leak-checked (text and
/// attribute values), exactly as `declass export --format xml` writes it.
public struct XMLReleaseRenderer: ReleaseRenderer {
    public init() {}
    public var name: String { "xml" }
    public var fileExtension: String? { "xml" }

    /// Renders and checks the XML release of `cable` under `review`; throws when the XML is not valid (nothing is written).
    public func render(cable: Cable, review: Review, options: ReleaseOptions) throws -> RenderedRelease {
        // As `export`: the stamp and classification of the release, not its text; the XML is checked on its own.
        let release = Release(cable: cable, review: review, text: ReleaseText(stampOf: cable, review: review, options: options))
        let exported = try ExportedRelease(release, cable: cable, options: options, format: .xml)
        return RenderedRelease(bytes: exported.bytes, withheld: release.withheld, leaks: exported.leaks)
    }
}
