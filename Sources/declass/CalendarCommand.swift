import ArgumentParser
import DeclassKit
import Foundation

/// `declass calendar`: when the classified cables under folders become eligible for release by date.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Count per month the classified cables that become eligible for release by date, and list those that never will."
    )

    /// `--format text|json|csv`.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Argument(help: "Folders (searched recursively for *.txt cable files), or cable files.")
    var inputs: [String]

    @Option(help: "First day counted, YYYY-MM-DD (default: today, UTC); earlier dates are counted as 'eligible before'.")
    var from: String?

    @Option(help: "Last day counted, YYYY-MM-DD (default: no end); later dates are counted as 'eligible after'.")
    var to: String?

    @Option(help: "Apply this policy's automatic declassification setting (default: the cables' own dates only).")
    var policy: String?

    @Option(help: "Output format: text, json or csv.")
    var format: Format = .text

    @Option(help: "Cables read at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one folder") }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, CivilDate(iso: value) == nil { throw ValidationError("\(name) must be a date written YYYY-MM-DD, not '\(value)'") }
        }
        if let f = from.flatMap(CivilDate.init(iso:)), let t = to.flatMap(CivilDate.init(iso:)), t < f {
            throw ValidationError("--to (\(t)) is before --from (\(f))")
        }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let start = from.flatMap(CivilDate.init(iso:)) ?? CivilDate.today()
        if let end = to.flatMap(CivilDate.init(iso:)), end < start {
            printError("declass: --to (\(end)) is before --from (\(start)\(from == nil ? ", today" : ""))")
            throw ExitStatus.usage.code
        }
        let calendar: DeclassCalendar
        do {
            let years = try policy.map { try PolicyLoader.load($0).automaticDeclassificationYears } ?? nil
            calendar = try DeclassCalendar.build(inputs, from: start,
                                                 to: to.flatMap(CivilDate.init(iso:)), automaticYears: years, jobs: jobs)
        } catch {
            printError("declass: \(error)")
            throw ExitStatus.usage.code
        }
        let report = CalendarReport(calendar, roots: inputs)
        switch format {
        case .text: print(report.text(), terminator: "")
        case .json: print(report.json())
        case .csv: print(report.csv(), terminator: "")
        }
        for e in calendar.errors { printError("declass: \(e)") }
        if !calendar.errors.isEmpty { throw ExitStatus.someInputsFailed.code }
    }
}
