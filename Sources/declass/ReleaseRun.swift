import DeclassKit
import DeclassXML
import Foundation

/// The release loop shared by `redact` and `export`: each cable decided, its release written in the
/// chosen form after the leak check, the audit log appended; returns the exit status.
struct ReleaseRun {
    var engine: DecisionEngine
    var asOf: CivilDate
    var options: ReleaseOptions
    var format: ReleaseFormat
    var output: String?
    var outDir: String?
    var audit: String?
    var key: AuditKey?
    var force: Bool

    /// Releases every file; messages on standard error. Two inputs with the same target (`--out-dir`
    /// and two files of the same name) are refused whatever `--force` says: the first input to reach a
    /// target claims it, a later one gets an error and nothing is written for it.
    func run(_ files: [String]) -> ExitStatus {
        var status = ExitStatus.ok
        var claimed: [String: String] = [:]
        for file in files {
            do {
                let cable = try CableInput.load(file)
                let review = engine.decide(cable, asOf: asOf)
                // A release in XML or JSON does not build the release text: its own form is leak-checked.
                let release = format.export == nil ? Release(cable: cable, review: review, options: options)
                    : Release(cable: cable, review: review, text: ReleaseText(stampOf: cable, review: review, options: options))
                for o in release.review.overlaps {
                    printError("declass: \(file): overlap: released \(o.releasedLabel) repeats \(o.words) words of withheld \(o.withheldLabel); check it before release")
                }
                for w in release.review.warnings { printError("declass: \(file): warning: \(w)") }
                var bytes: [UInt8]?
                var leaks = release.leaks
                if leaks.isEmpty, let export = format.export {
                    let exported = try ExportedRelease(release, cable: cable, options: options, format: export)
                    bytes = exported.bytes
                    leaks = exported.leaks
                }
                guard leaks.isEmpty else {
                    for leak in leaks { printError("declass: \(file): leak check: \(leak): nothing written") }
                    status = .leak
                    continue
                }
                let target = ReleaseRun.outputPath(for: file, cable: cable, output: output, outDir: outDir, format: format)
                if target != "-" {
                    let key = (target as NSString).standardizingPath
                    if let first = claimed[key] {
                        printError("declass: \(file): its release would go to \(target), where this run writes the release of \(first); nothing written for \(file) (give the inputs distinct names or release them separately)")
                        if status == .ok { status = .someInputsFailed }
                        continue
                    }
                    claimed[key] = file
                }
                let warnings = try ReleaseWriter.write(release, cable: cable, policy: engine.policy, to: target, audit: audit, key: key,
                                                       caseID: options.caseID, docNo: options.docNo, force: force, output: bytes)
                for w in warnings { printError(w) }
                if target != "-" { printError("declass: \(file) → \(target): \(release.review.stampLine)") }
            } catch {
                printError("declass: \(error)")
                if status == .ok { status = .someInputsFailed }
            }
        }
        return status
    }

    /// `-o`, or the input's name in `--out-dir` (with the format's extension for XML and JSON), or
    /// standard output.
    static func outputPath(for file: String, cable: Cable, output: String?, outDir: String?, format: ReleaseFormat) -> String {
        if let output { return output }
        guard let outDir else { return "-" }
        var base = file == "-" ? "\(cable.id ?? "stdin").txt" : (file as NSString).lastPathComponent
        if format != .text { base = (base as NSString).deletingPathExtension + "." + format.fileExtension }
        return (outDir as NSString).appendingPathComponent(base)
    }

    /// Fails with a usage error unless `outDir` is an existing folder.
    static func checkFolder(_ outDir: String?) -> Bool {
        guard let outDir else { return true }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: outDir, isDirectory: &isDir), isDir.boolValue else {
            printError("declass: \(outDir): no such folder (--out-dir)")
            return false
        }
        return true
    }
}
