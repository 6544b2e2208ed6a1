import ArgumentParser
import DeclassKit

/// `--format text|json`, shared by the commands that print reports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format text|xml` of the commands that write releases.
enum SweepFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text

    /// The library's format.
    var renderer: any ReleaseRenderer {
        switch self {
        case .text: TextReleaseRenderer()
        }
    }
}
