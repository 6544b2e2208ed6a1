import ArgumentParser
import DeclassKit

/// `declass inspect`: shows what the parser read from each cable.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a cable's id, classification, DECL, reasons, TAGS, subject, refs, paragraphs and diagnostics."
    )

    @Argument(help: "Cable files to read ('-' reads standard input).")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one cable file (or '-' for standard input)") }
    }

    func run() throws {
        var reports: [InspectReport] = []
        var failed = false
        for file in files {
            do {
                reports.append(InspectReport(try CableInput.load(file)))
            } catch {
                printError("declass: \(error)")
                failed = true
            }
        }
        print(reports.rendered(json: format == .json, single: files.count == 1), terminator: "")
        if failed { throw ExitStatus.someInputsFailed.code }
    }
}
