import Foundation

/// A declassification sweep: every cable under the input folders decided as of one date, each release
/// written into the output folder (mirroring the input tree), one audit log appended, a manifest and a
/// summary written. Cables are decided on `jobs` threads and committed in input order, in batches: staged
/// outputs synced, their audit entries appended, then renamed into place, then their manifest lines
/// appended. So outputs, manifest and audit log are the same for any number of jobs, and an interrupted
/// sweep (even killed) leaves no half-written output and a manifest whose re-run continues where it stopped.
public enum Sweep {
    /// Seconds at most between batches.
    static let batchSeconds = 1.0

    /// Runs the sweep; `progress` is called on the calling thread as cables are committed. Throws when the
    /// sweep cannot start or cannot write (nothing it committed is lost); a broken cable is an entry.
    public static func run(_ options: SweepOptions, cancellation: SweepCancellation = SweepCancellation(),
                           progress: ((SweepProgress) -> Void)? = nil) throws(SweepError) -> SweepSummary {
        let started = Date()
        let inputs = try SweepInputs.find(options.inputs)
        try checkFolders(options, inputs: inputs)
        let lock = try SweepFiles.lock(options.outDir)
        defer { close(lock) }
        let staging = options.outDir + "/" + SweepFiles.stagingName
        try SweepFiles.resetStaging(staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let manifest = try SweepManifest(path: options.manifestPath)

        var workers: [SweepWorker] = []
        for _ in 0..<options.jobs {
            do { workers.append(try SweepWorker(options: options, earlier: manifest.earlier, staging: staging)) } catch {
                throw SweepError.audit("\(error)")
            }
        }
        let queue = SweepQueue(count: inputs.count, window: options.jobs * 16, cancellation: cancellation)
        let group = DispatchGroup()
        for worker in workers {
            let box = UncheckedBox(worker)
            DispatchQueue.global().async(group: group) {
                while let i = queue.take() { queue.put(i, box.value.process(inputs[i], index: i)) }
            }
        }

        var summary = SweepSummary()
        summary.jobs = options.jobs
        summary.inputs = inputs.count
        summary.asOf = options.asOf.description
        summary.policy = options.policy.name
        summary.policyDigest = options.policy.digest
        var batch = SweepBatch()
        var lastFlush = Date()
        var lastProgress = Date.distantPast
        var failure: SweepError?
        var index = 0
        while let result = queue.next(index) {
            index += 1
            if failure != nil {
                if let s = result.staged { unlink(s) }
                continue
            }
            summary.count(result.entry)
            summary.bytes += result.bytes
            if result.skipped { summary.skipped += 1 } else { batch.add(result) }
            if batch.count >= options.batchSize || Date().timeIntervalSince(lastFlush) >= batchSeconds {
                do { try batch.commit(options: options, manifest: manifest, staging: staging) } catch {
                    failure = error
                    cancellation.cancel()
                }
                lastFlush = Date()
            }
            if let progress, Date().timeIntervalSince(lastProgress) >= 0.1 {
                lastProgress = Date()
                progress(SweepProgress(done: index, total: inputs.count, bytes: summary.bytes, seconds: lastProgress.timeIntervalSince(started)))
            }
        }
        group.wait()
        if let failure { throw failure }
        try batch.commit(options: options, manifest: manifest, staging: staging)
        summary.interrupted = index < inputs.count
        summary.seconds = Date().timeIntervalSince(started)
        progress?(SweepProgress(done: index, total: inputs.count, bytes: summary.bytes, seconds: summary.seconds))
        if !summary.interrupted {
            if !manifest.earlier.isEmpty { try manifest.compact(order: inputs) }
            do { try AtomicFile.write(Array((summary.json() + "\n").utf8), to: options.summaryPath) } catch {
                throw SweepError.cannotWrite(path: options.summaryPath, reason: "\(error)")
            }
        }
        return summary
    }

    /// The output folder must exist (it is created), and neither hold the inputs nor lie inside them.
    static func checkFolders(_ options: SweepOptions, inputs: [SweepInput]) throws(SweepError) {
        do { try FileManager.default.createDirectory(atPath: options.outDir, withIntermediateDirectories: true) } catch {
            throw SweepError.cannotCreate(path: options.outDir, reason: "\(error)")
        }
        let out = URL(fileURLWithPath: options.outDir).standardizedFileURL.resolvingSymlinksInPath().path + "/"
        for root in options.inputs {
            let r = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path + "/"
            if out.hasPrefix(r) { throw SweepError.outputInsideInput(output: options.outDir, input: root) }
            if r.hasPrefix(out) { throw SweepError.inputInsideOutput(input: root, output: options.outDir) }
        }
    }
}

/// The results waiting to be committed together.
struct SweepBatch {
    private var staged: [(from: String, to: String)] = []
    private var audit: [AuditEntry] = []
    private var entries: [SweepEntry] = []

    var count: Int { entries.count }

    mutating func add(_ r: SweepResult) {
        if let s = r.staged, let t = r.target { staged.append((s, t)) }
        audit += r.audit
        entries.append(r.entry)
    }

    /// Syncs the staged outputs, appends their audit entries, renames them into place, appends the manifest
    /// lines: an output is never visible before its audit entries are in the log, nor listed before it is.
    mutating func commit(options: SweepOptions, manifest: SweepManifest, staging: String) throws(SweepError) {
        guard !entries.isEmpty else { return }
        if !staged.isEmpty { SweepFiles.sync() }
        if !audit.isEmpty {
            do { try AuditLog.append(audit, to: options.auditPath, key: options.key) } catch {
                throw SweepError.audit("\(options.auditPath): \(error)")
            }
        }
        for (from, to) in staged { try SweepFiles.place(from, at: to) }
        try manifest.append(entries)
        self = SweepBatch()
    }
}

/// Hands indices to workers and their results to the committer in order, with at most `window` results
/// waiting, so that memory does not grow with the number of cables.
final class SweepQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private let cancellation: SweepCancellation
    private var handedOut = 0
    private var committed = 0
    private var results: [Int: SweepResult] = [:]

    init(count: Int, window: Int, cancellation: SweepCancellation) {
        self.count = count
        self.window = window
        self.cancellation = cancellation
    }

    /// The next index to process, or nil when all are handed out or the sweep was cancelled.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while handedOut - committed >= window, !cancellation.isCancelled { _ = condition.wait(until: Date().addingTimeInterval(0.2)) }
        guard handedOut < count, !cancellation.isCancelled else { return nil }
        handedOut += 1
        return handedOut - 1
    }

    /// A worker's result for index `i`.
    func put(_ i: Int, _ result: SweepResult) {
        condition.lock()
        results[i] = result
        condition.broadcast()
        condition.unlock()
    }

    /// The result for index `i` (waiting for it), or nil when `i` was never handed out (done or cancelled).
    func next(_ i: Int) -> SweepResult? {
        condition.lock()
        defer { condition.unlock() }
        while results[i] == nil {
            if i >= count { return nil }
            if i >= handedOut, cancellation.isCancelled { return nil }
            _ = condition.wait(until: Date().addingTimeInterval(0.2))
        }
        committed = i + 1
        condition.broadcast()
        return results.removeValue(forKey: i)
    }
}

/// Carries a value that is used on one thread only across a thread hop.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
