import ArgumentParser
import DeclassKit
import DeclassXML

/// `declass inspect`: shows what the parser read from each cable.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a cable's id, classification, DECL, reasons, TAGS, subject, refs, paragraphs and diagnostics.",
        discussion: """
            Cable documents (XML written by `declass export`) are read too: validated against the shipped XSD,             then shown (their JSON form with --format json).
            Exit status: 0 ok; 1 some cables could not be read; 2 an XML file is malformed, has a DOCTYPE, or is not valid.
            """
    )

    @Argument(help: "Cable files to read ('-' reads standard input).")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one cable file (or '-' for standard input)") }
    }

    func run() throws {
        var reports: [any Report] = []
        var status = ExitStatus.ok
        for file in files {
            do {
                if XMLInput.isXML(file) {
                    reports.append(try CableDocumentReader.read(try XMLInput.read(file), name: file))
                } else {
                    reports.append(InspectReport(try CableInput.load(file)))
                }
            } catch let error as XMLError {
                printError("declass: " + error.description.replacingOccurrences(of: "\n", with: "\ndeclass: "))
                status = .usage
            } catch {
                printError("declass: \(error)")
                if status == .ok { status = .someInputsFailed }
            }
        }
        print(Inspect.rendered(reports, json: format == .json, single: files.count == 1), terminator: "")
        if status != .ok { throw status.code }
    }

    /// Cable and document reports together, rendered like `[Report].rendered` renders one kind.
    static func rendered(_ reports: [any Report], json: Bool, single: Bool) -> String {
        if json {
            if reports.count == 1, single { return reports[0].json() + "\n" }
            return reports.isEmpty ? "" : "[\n" + reports.map { $0.json() }.joined(separator: ",\n") + "\n]\n"
        }
        return reports.map { $0.text() }.joined(separator: "\n" + String(repeating: "─", count: 72) + "\n\n")
    }
}
