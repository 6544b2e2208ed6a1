import ArgumentParser
import DeclassKit
import DeclassXML
import Foundation

/// `declass export`: the release of cables as structured documents (XML valid against the shipped XSD,
/// or JSON), leak-checked and logged like `redact`; or, with `--unredacted`, the full marked cable.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the release of cables as XML (IC-ISM marked, valid against the shipped XSD) or JSON.",
        discussion: """
            The XML is validated against the XSD and leak-checked (text and attribute values) before it is written.
            --unredacted writes the full cable with its real markings, for internal systems only (a warning is printed).
            Exit status: 0 ok; 1 some inputs failed; 2 usage or configuration error; 3 the leak check stopped an output.
            """
    )

    @Argument(help: "Cable files ('-' reads standard input).")
    var files: [String]

    @Option(help: "The policy file (YAML); not used with --unredacted.")
    var policy: String?

    @Option(name: .customLong("as-of"), help: "The date decisions are made on, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(help: "Output format: xml or json.")
    var format: ReleaseFormat = .xml

    @Option(name: .shortAndLong, help: "Output file for a single cable ('-' writes standard output, the default).")
    var output: String?

    @Option(name: .customLong("out-dir"), help: "Folder to write each document into, named like its input with .xml or .json.")
    var outDir: String?

    @Flag(help: "Write the full cable with its real classification (internal systems only; no policy, no release).")
    var unredacted = false

    @OptionGroup var review: ReviewOptions

    @Flag(help: "Replace existing output files.")
    var force = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one cable file (or '-' for standard input)") }
        if format == .text { throw ValidationError("--format must be xml or json (the release text is `declass redact`)") }
        if let asOf, CivilDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, not '\(asOf)'") }
        if output != nil, outDir != nil { throw ValidationError("give -o/--output or --out-dir, not both") }
        if files.count > 1, outDir == nil { throw ValidationError("several cables need --out-dir DIR (one output file each)") }
        if unredacted, policy != nil || review.audit != nil { throw ValidationError("--unredacted writes the full cable: it takes no --policy or --audit") }
        if !unredacted, policy == nil { throw ValidationError("give --policy FILE (or --unredacted for the full marked cable)") }
    }

    func run() throws {
        guard ReleaseRun.checkFolder(outDir) else { throw ExitStatus.usage.code }
        if unredacted { return try runUnredacted() }
        let date = asOf.flatMap { CivilDate(iso: $0) } ?? CivilDate.today()
        let engine: DecisionEngine
        let key: AuditKey?
        do {
            engine = try DecisionEngine(policy: try PolicyLoader.load(policy ?? ""))
            key = try review.key()
        } catch {
            printError("declass: \(error)")
            throw ExitStatus.usage.code
        }
        let options = review.releaseOptions
        let run = ReleaseRun(engine: engine, asOf: date, options: options, format: format, output: output, outDir: outDir,
                             audit: review.audit, key: key, force: force)
        let status = run.run(files)
        if status != .ok { throw status.code }
    }

    /// The full marked cables, each with a warning on standard error.
    private func runUnredacted() throws {
        var status = ExitStatus.ok
        for file in files {
            do {
                let cable = try CableInput.load(file)
                let export = try UnredactedExport(cable, createDate: CivilDate.today(), format: format == .json ? .json : .xml)
                printError("declass: " + UnredactedExport.warning(cable))
                let target = ReleaseRun.outputPath(for: file, cable: cable, output: output, outDir: outDir, format: format)
                if target == "-" {
                    FileHandle.standardOutput.write(Data(export.bytes))
                    continue
                }
                if !force, FileManager.default.fileExists(atPath: target) { throw OutputError.exists(path: target) }
                if file != "-", (target as NSString).standardizingPath == (file as NSString).standardizingPath {
                    throw OutputError.wouldOverwriteInput(path: target)
                }
                try AtomicFile.write(export.bytes, to: target)
                printError("declass: \(file) → \(target): unredacted, \(cable.classification.bannerWord)")
            } catch {
                printError("declass: \(error)")
                if status == .ok { status = .someInputsFailed }
            }
        }
        if status != .ok { throw status.code }
    }
}
