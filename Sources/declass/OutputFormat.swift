import ArgumentParser
import DeclassKit

/// `--format text|json`, shared by the commands that print reports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format text|xml` of the commands that write releases.
enum ReleaseFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text

    /// The library's format.
    var releaseFormat: any ReleaseFormat {
        switch self {
        case .text: TextReleaseFormat()
        }
    }
}
