import ArgumentParser
import DeclassXML

/// `--format text|xml|json` of `declass redact` (and `xml|json` of `declass export`).
enum ReleaseFormat: String, ExpressibleByArgument, CaseIterable {
    case text, xml, json

    /// The structured form, or nil for the release text.
    var export: ExportFormat? {
        switch self {
        case .text: nil
        case .xml: .xml
        case .json: .json
        }
    }

    /// The output file's extension.
    var fileExtension: String { self == .text ? "txt" : rawValue }
}
