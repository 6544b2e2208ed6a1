import ArgumentParser

/// `--format text|json`, shared by the commands that print reports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
