import ArgumentParser
import DeclassKit
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

    @Option(help: "Append an entry per withheld part and per document to this audit log (JSON Lines).")
    var audit: String?

    @Option(name: .customLong("audit-key"), help: "File holding the key of the audit log's HMAC digests (else DECLASS_AUDIT_KEY).")
    var auditKey: String?

    @Option(name: .customLong("case"), help: "The FOIA case number printed on the stamp (F-2026-01234).")
    var caseID: String?

    @Option(name: .customLong("doc-no"), help: "The document number printed on the stamp.")
    var docNo: String?

    @Option(name: .customLong("review-authority"), help: "Who authorised the release, printed on the stamp.")
    var reviewAuthority: String?

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
            key = try AuditKey.resolve(path: auditKey, environment: ProcessInfo.processInfo.environment)
        } catch {
            printError("declass: \(error)")
            throw ExitStatus.usage.code
        }
        if audit != nil, key == nil { printError(AuditKey.missingKeyWarning) }
        if let outDir {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: outDir, isDirectory: &isDir), isDir.boolValue else {
                printError("declass: \(outDir): no such folder (--out-dir)")
                throw ExitStatus.usage.code
            }
        }
        let options = ReleaseOptions(caseID: caseID, docNo: docNo, reviewAuthority: reviewAuthority, releaseDate: CivilDate.today())
        var status = ExitStatus.ok
        for file in files {
            do {
                let cable = try CableInput.load(file)
                let release = Release(cable: cable, engine: engine, asOf: date, options: options)
                for o in release.review.overlaps {
                    printError("declass: \(file): overlap: released \(o.releasedLabel) repeats \(o.words) words of withheld \(o.withheldLabel); check it before release")
                }
                for w in release.review.warnings { printError("declass: \(file): warning: \(w)") }
                guard release.leaks.isEmpty else {
                    for leak in release.leaks { printError("declass: \(file): leak check: \(leak): nothing written") }
                    status = .leak
                    continue
                }
                let target = outputPath(for: file, cable: cable)
                let warnings = try ReleaseWriter.write(release, cable: cable, policy: engine.policy, to: target, audit: audit, key: key,
                                                       caseID: caseID, docNo: docNo, force: force)
                for w in warnings { printError(w) }
                if target != "-" { printError("declass: \(file) → \(target): \(release.review.stampLine)") }
            } catch {
                printError("declass: \(error)")
                if status == .ok { status = .someInputsFailed }
            }
        }
        if status != .ok { throw status.code }
    }

    /// `-o`, or the input's name in `--out-dir`, or standard output.
    private func outputPath(for file: String, cable: Cable) -> String {
        if let output { return output }
        guard let outDir else { return "-" }
        let base = file == "-" ? "\(cable.id ?? "stdin").txt" : (file as NSString).lastPathComponent
        return (outDir as NSString).appendingPathComponent(base)
    }
}
