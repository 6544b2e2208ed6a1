import ArgumentParser
import DeclassKit
import DeclassXML
import Foundation

/// `declass redact`: writes the releasable version of cables, after a leak check, and logs what it withheld.
struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the releasable version of cables: withheld parts marked, banners recomputed, a release stamp on top."
    )

    @Argument(help: "Cable files ('-' reads standard input).")
    var files: [String]

    @Option(help: "The policy file (YAML).")
    var policy: String

    @Option(name: .customLong("as-of"), help: "The date decisions are made on, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(name: .shortAndLong, help: "Output file for a single cable ('-' writes standard output, the default).")
    var output: String?

    @Option(name: .customLong("out-dir"), help: "Folder to write each release into, named like its input.")
    var outDir: String?

    @OptionGroup var review: ReviewOptions

    @Option(help: "Output format: text (the release text), xml (valid against the shipped XSD) or json.")
    var format: ReleaseFormat = .text

    @Flag(help: "Replace existing output files.")
    var force = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one cable file (or '-' for standard input)") }
        if let asOf, CivilDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, not '\(asOf)'") }
        if output != nil, outDir != nil { throw ValidationError("give -o/--output or --out-dir, not both") }
        if files.count > 1, outDir == nil { throw ValidationError("several cables need --out-dir DIR (one output file each)") }
    }

    func run() throws {
        let date = asOf.flatMap { CivilDate(iso: $0) } ?? CivilDate.today()
        let engine: DecisionEngine
        let key: AuditKey?
        do {
            engine = try DecisionEngine(policy: try PolicyLoader.load(policy))
            key = try review.key()
        } catch {
            printError("declass: \(error)")
            throw ExitStatus.usage.code
        }
        guard ReleaseRun.checkFolder(outDir) else { throw ExitStatus.usage.code }
        let options = review.releaseOptions
        let run = ReleaseRun(engine: engine, asOf: date, options: options, format: format, output: output, outDir: outDir,
                             audit: review.audit, key: key, force: force)
        let status = run.run(files)
        if status != .ok { throw status.code }
    }
}
