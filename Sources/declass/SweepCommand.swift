import ArgumentParser
import DeclassKit
import Foundation

/// `declass sweep`: decides and releases every cable under folders as of a date, resumably.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Release every cable under folders as of a date: outputs mirroring the tree, an audit log, a manifest and a summary."
    )

    @Argument(help: "Folders to sweep (searched recursively for *.txt cable files), or cable files.")
    var inputs: [String]

    @Option(help: "The policy file (YAML).")
    var policy: String

    @Option(name: .customLong("as-of"), help: "The date decisions are made on, YYYY-MM-DD.")
    var asOf: String

    @Option(help: "The output folder (created if needed): releases, manifest.jsonl, summary.json, audit.jsonl.")
    var out: String

    @Option(help: "Output format of the releases: text or xml.")
    var format: SweepFormatOption = .text

    @Option(help: "Cables decided at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The audit log to append to (default: OUT/audit.jsonl).")
    var audit: String?

    @Option(name: .customLong("audit-key"), help: "File holding the key of the audit log's HMAC digests (else DECLASS_AUDIT_KEY).")
    var auditKey: String?

    @Option(name: .customLong("case"), help: "The FOIA case number printed on every stamp.")
    var caseID: String?

    @Option(name: .customLong("review-authority"), help: "Who authorised the releases, printed on every stamp.")
    var reviewAuthority: String?

    @Option(help: "Cables committed at most per batch (each batch: one sync, one audit append, one manifest append).")
    var batch: Int = 1024

    @Flag(help: "No progress bar.")
    var quiet = false

    @Flag(name: .customLong("json-progress"), help: "Progress as JSON lines on standard error, for other programs.")
    var jsonProgress = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one folder to sweep") }
        if CivilDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, not '\(asOf)'") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var options: SweepOptions
        do {
            let key = try AuditKey.resolve(path: auditKey, environment: ProcessInfo.processInfo.environment)
            if key == nil { printError(AuditKey.missingKeyWarning) }
            options = SweepOptions(inputs: inputs, outDir: out, policy: try PolicyLoader.load(policy), asOf: CivilDate(iso: asOf)!,
                                   format: format.renderer, jobs: jobs, audit: audit, key: key,
                                   release: ReleaseOptions(caseID: caseID, reviewAuthority: reviewAuthority, releaseDate: CivilDate.today()))
        } catch {
            printError("declass: \(error)")
            throw ExitStatus.usage.code
        }
        options.batchSize = max(1, batch)
        SweepCommand.raiseDescriptorLimit()
        let cancellation = SweepCancellation()
        let watcher = StopSignals.watch(cancellation)
        defer { watcher.cancel() }
        let bar = !quiet && !jsonProgress && isatty(STDERR_FILENO) != 0
        let summary: SweepSummary
        do {
            summary = try Sweep.run(options, cancellation: cancellation) { p in
                if jsonProgress { printError(p.jsonLine) } else if bar { FileHandle.standardError.write(Data(("\r" + p.bar()).utf8)) }
            }
        } catch {
            if bar { printError("") }
            printError("declass: \(error)")
            throw ExitStatus.usage.code
        }
        if bar { printError("") }
        print(summary.text(), terminator: "")
        if let failure = summary.failure { printError("declass: sweep stopped: \(failure)") }
        if summary.leaks > 0 { throw ExitStatus.leak.code }
        if summary.failed > 0 || summary.interrupted { throw ExitStatus.someInputsFailed.code }
    }
}

extension SweepCommand {
    /// Raises the soft limit on open descriptors to the hard one (at most 65,536): a sweep keeps each
    /// unnamed staged output open until it is placed, and under the usual soft limit (1,024) it would
    /// stage most of them by name, which costs more (`SweepUnnamedFiles`).
    static func raiseDescriptorLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let wanted = min(limit.rlim_max, 65_536)
        guard limit.rlim_cur < wanted else { return }
        limit.rlim_cur = wanted
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}

/// Ctrl-C and SIGTERM stop a sweep cleanly: the first asks it to commit what it finished and return; a
/// second one exits at once (staged outputs are never visible, so even that leaves nothing half-written).
enum StopSignals {
    nonisolated(unsafe) private static var received: sig_atomic_t = 0

    /// Installs the handlers and a thread that passes the first signal on to `cancellation`.
    static func watch(_ cancellation: SweepCancellation) -> SweepCancellation {
        let handler: @convention(c) (Int32) -> Void = { _ in
            if StopSignals.received != 0 { _exit(ExitStatus.someInputsFailed.rawValue) }
            StopSignals.received = 1
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        // A parent may have started us with these signals blocked (the mask is inherited): take them.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        let finished = SweepCancellation()
        Thread.detachNewThread {
            while !finished.isCancelled {
                if StopSignals.received != 0 {
                    cancellation.cancel()
                    return
                }
                usleep(20_000)
            }
        }
        return finished
    }
}
