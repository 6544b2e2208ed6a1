import ArgumentParser
import DeclassKit

/// `declass decide`: the dry run a reviewer reads before producing a release.
struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show each unit's decision under a policy and why (rule, exemption, authority, overlaps)."
    )

    @Argument(help: "Cable files to decide ('-' reads standard input).")
    var files: [String]

    @Option(help: "The policy file (YAML).")
    var policy: String

    @Option(name: .customLong("as-of"), help: "The date decisions are made on, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one cable file (or '-' for standard input)") }
        if let asOf, CivilDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, not '\(asOf)'") }
    }

    func run() throws {
        let date = asOf.flatMap { CivilDate(iso: $0) } ?? CivilDate.today()
        let loaded: Policy
        let engine: DecisionEngine
        do {
            loaded = try PolicyLoader.load(policy)
            engine = try DecisionEngine(policy: loaded)
        } catch {
            printError("declass: \(error)")
            throw ExitStatus.usage.code
        }
        var reports: [DecideReport] = []
        var failed = false
        for file in files {
            do {
                let cable = try CableInput.load(file)
                reports.append(DecideReport(cable: cable, review: engine.decide(cable, asOf: date), policy: loaded))
            } catch {
                printError("declass: \(error)")
                failed = true
            }
        }
        print(reports.rendered(json: format == .json, single: files.count == 1), terminator: "")
        if failed { throw ExitStatus.someInputsFailed.code }
    }
}
