import ArgumentParser
import DeclassKit
import DeclassXML

/// `--format text|json`, shared by the commands that print reports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format text|xml` of the commands that write releases.
enum SweepFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text, xml

    /// The library's renderer of the format.
    var renderer: any ReleaseRenderer {
        switch self {
        case .text: TextReleaseRenderer()
        case .xml: XMLReleaseRenderer()
        }
    }
}
