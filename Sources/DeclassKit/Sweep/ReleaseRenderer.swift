/// A release rendered in one output format, with the parts it withholds (for the audit log) and what the
/// leak check found in it (a rendering with leaks is never written).
public struct RenderedRelease: Sendable {
    public var bytes: [UInt8]
    public var withheld: [WithheldPart]
    public var leaks: [Leak]

    public init(bytes: [UInt8], withheld: [WithheldPart], leaks: [Leak]) {
        self.bytes = bytes
        self.withheld = withheld
        self.leaks = leaks
    }
}

/// An output format of releases (text here; XML from the XML target): renders a decided cable and runs the
/// leak check over what it renders.
public protocol ReleaseRenderer: Sendable {
    /// `text`, `xml`: recorded in the manifest.
    var name: String { get }
    /// The output file's extension (`xml`), or nil to keep the input's name.
    var fileExtension: String? { get }
    /// Renders and leak-checks the release of `cable` under `review`.
    func render(cable: Cable, review: Review, options: ReleaseOptions) throws -> RenderedRelease
}

/// The release text (the State Department's layout with the stamp on top), as `declass redact` writes it.
public struct TextReleaseRenderer: ReleaseRenderer {
    public init() {}
    public var name: String { "text" }
    public var fileExtension: String? { nil }
    public func render(cable: Cable, review: Review, options: ReleaseOptions) -> RenderedRelease {
        let release = Release(cable: cable, review: review, options: options)
        return RenderedRelease(bytes: release.text.bytes, withheld: release.withheld, leaks: release.leaks)
    }
}
