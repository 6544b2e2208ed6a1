import Foundation

/// A declassification sweep: every cable under the input folders decided as of one date, each release
/// written into the output folder (mirroring the input tree), one audit log appended, a manifest and a
/// summary written. Cables are decided on `jobs` threads and committed in input order, in batches: staged
/// outputs synced, their audit entries appended, then placed, then (after the next batch's sync) their
/// manifest lines appended. So outputs, manifest and audit log are the same for any number of jobs, and an
/// interrupted sweep (even killed) leaves no half-written output and a manifest whose re-run continues
/// where it stopped.
public enum Sweep {
    /// Seconds at most between batches.
    static let batchSeconds = 1.0

    /// Runs the sweep; `progress` is called on the calling thread as cables are committed. Throws when the
    /// sweep cannot start or cannot write (nothing it committed is lost); a broken cable is an entry.
    public static func run(_ options: SweepOptions, cancellation: SweepCancellation = SweepCancellation(),
                           progress: ((SweepProgress) -> Void)? = nil) throws(SweepError) -> SweepSummary {
        let started = Date()
        let total = try SweepInputs.survey(options.inputs, output: options.outputRelative)
        try checkFolders(options)
        do { try AuditLog.checkAppendable(to: options.auditPath, key: options.key) } catch { throw SweepError.audit("\(error)") }
        let lock = try SweepFiles.lock(options.outDir)
        defer { close(lock) }
        let staging = options.outDir + "/" + SweepFiles.stagingName
        let stagingFolders = try SweepFiles.resetStaging(staging, workers: options.jobs)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        // A summary describes a finished sweep: an earlier one goes now, so an interrupted run leaves none.
        try? FileManager.default.removeItem(atPath: options.summaryPath)
        let manifest = try SweepManifest(path: options.manifestPath)

        var workers: [SweepWorker] = []
        for folder in stagingFolders {
            do { workers.append(try SweepWorker(options: options, earlier: manifest.earlier, staging: folder)) } catch {
                throw SweepError.audit("\(error)")
            }
        }
        // Workers may run two whole batches ahead, so they keep deciding while the committer commits one
        // (its syncs wait on the disk): with one batch of room they caught up with it and waited.
        let queue = SweepQueue(try SweepInputs.walk(options.inputs), window: options.jobs * 16 + 2 * options.batchSize, cancellation: cancellation)
        let group = DispatchGroup()
        for worker in workers {
            let box = UncheckedBox(worker)
            DispatchQueue.global().async(group: group) {
                // Each worker opens its next input (if the window has room) before deciding the one in
                // hand, so that input is read from disk meanwhile; it waits for room only with none in hand.
                var ahead: SweepOpenedInput?
                while let current = ahead ?? queue.take().map({ SweepOpenedInput($0.1, index: $0.0) }) {
                    ahead = queue.take(waiting: false).map { SweepOpenedInput($0.1, index: $0.0) }
                    queue.put(current.index, box.value.process(current))
                }
            }
        }

        var summary = SweepSummary()
        summary.jobs = options.jobs
        summary.inputs = total
        summary.asOf = options.asOf.description
        summary.policy = options.policy.name
        summary.policyDigest = options.policy.digest
        var batch = SweepBatch()
        let placer = SweepPlacer()
        var lastFlush = Date()
        var lastProgress = Date.distantPast
        var index = 0
        while let result = queue.next(index) {
            index += 1
            if summary.failure != nil {
                result.staged?.discard()
                continue
            }
            summary.count(result.entry)
            summary.bytes += result.bytes
            if result.skipped { summary.skipped += 1 } else { batch.add(result) }
            if batch.count >= options.batchSize || Date().timeIntervalSince(lastFlush) >= batchSeconds {
                do { try batch.commit(options: options, manifest: manifest, placer: placer) } catch {
                    summary.failure = error.description
                    cancellation.cancel()
                }
                lastFlush = Date()
            }
            if let progress, Date().timeIntervalSince(lastProgress) >= 0.1 {
                lastProgress = Date()
                progress(SweepProgress(done: index, total: max(total, index), bytes: summary.bytes, seconds: lastProgress.timeIntervalSince(started)))
            }
        }
        group.wait()
        if summary.failure == nil {
            do {
                try batch.commit(options: options, manifest: manifest, placer: placer)
                try batch.finish(options: options, manifest: manifest)
            } catch { summary.failure = error.description }
        } else {
            batch.discard()
        }
        summary.interrupted = summary.failure != nil || !queue.isComplete(index)
        if !summary.interrupted { summary.inputs = index }
        summary.seconds = Date().timeIntervalSince(started)
        progress?(SweepProgress(done: index, total: max(total, index), bytes: summary.bytes, seconds: summary.seconds))
        if !summary.interrupted {
            if !manifest.earlier.isEmpty { try manifest.compact(order: try SweepInputs.walk(options.inputs)) }
            do { try AtomicFile.write(Array((summary.json() + "\n").utf8), to: options.summaryPath) } catch {
                throw SweepError.cannotWrite(path: options.summaryPath, reason: "\(error)")
            }
        }
        return summary
    }

    /// The output folder may neither lie inside an input folder nor hold one (checked before it is made).
    static func checkFolders(_ options: SweepOptions) throws(SweepError) {
        let out = resolved(options.outDir)
        for root in options.inputs {
            let r = resolved(root)
            if out.hasPrefix(r) { throw SweepError.outputInsideInput(output: options.outDir, input: root) }
            if r.hasPrefix(out) { throw SweepError.inputInsideOutput(input: root, output: options.outDir) }
        }
        do { try FileManager.default.createDirectory(atPath: options.outDir, withIntermediateDirectories: true) } catch {
            throw SweepError.cannotCreate(path: options.outDir, reason: "\(error)")
        }
    }

    /// `path` made absolute, `.`/`..` and symbolic links resolved as far as it exists, ending in `/`.
    private static func resolved(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var tail: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            tail.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        let base = url.resolvingSymlinksInPath().path
        return ([base == "/" ? "" : base] + tail).joined(separator: "/") + "/"
    }
}

/// The results waiting to be committed together.
struct SweepBatch {
    private var staged: [(from: SweepStaged, to: SweepTarget)] = []
    private var obsolete: [String] = []
    /// Each result's audit entries, appended set after set.
    private var audit: [PreparedAuditEntries] = []
    /// The manifest lines, each with its newline.
    private var lines: [UInt8] = []
    /// The manifest lines of the batch committed last, appended after the next sync.
    private var unsyncedLines: [UInt8] = []
    /// True when the batch committed last placed or removed outputs (not yet synced).
    private var unsyncedChanges = false
    /// Where the audit lines are built, kept from batch to batch (megabytes a batch: allocated afresh, each
    /// batch's buffer was faulted in page by page again).
    private var auditLines: [UInt8] = []
    private(set) var count = 0

    mutating func add(_ r: SweepResult) {
        if let s = r.staged, let t = r.target { staged.append((s, t)) }
        if let o = r.obsolete { obsolete.append(o) }
        if !r.audit.isEmpty { audit.append(r.audit) }
        lines += r.line
        lines.append(0x0A)
        count += 1
    }

    /// Syncs the file system (the staged outputs, and what the last batch placed), appends the last batch's
    /// manifest lines, appends this batch's audit entries, places its outputs and removes the outputs the
    /// new decisions do not keep; its manifest lines wait for the next sync (the next batch's, or
    /// `finish`'s). So an output is never visible before its audit entries are in the log, nor listed
    /// before it is durably in place (folder entry, and for an unnamed file the link count, written only
    /// after it is linked), with one sync a batch. Staged outputs it did not place when it throws are
    /// discarded.
    mutating func commit(options: SweepOptions, manifest: SweepManifest, placer: SweepPlacer) throws(SweepError) {
        guard count > 0 else { return }
        var placed = 0
        defer {
            for (from, _) in staged[placed...] { from.discard() }
            staged.removeAll(keepingCapacity: true)
        }
        if !staged.isEmpty || unsyncedChanges { SweepFiles.sync(options.outDir) }
        try manifest.append(lines: unsyncedLines)
        unsyncedLines.removeAll(keepingCapacity: true)
        unsyncedChanges = false
        if !audit.isEmpty {
            do { _ = try AuditLog.append(audit, to: options.auditPath, key: options.key, scratch: &auditLines) } catch {
                throw SweepError.audit("\(error)")
            }
        }
        while placed < staged.count {
            let (from, to) = staged[placed]
            placed += 1
            try placer.place(from, at: to)
        }
        var removed = false
        if !obsolete.isEmpty {
            let targets = Set(staged.map(\.to.path))
            for path in obsolete where !targets.contains(path) {
                if unlink(path) == 0 { removed = true }
            }
        }
        unsyncedChanges = !staged.isEmpty || removed
        swap(&lines, &unsyncedLines)
        obsolete.removeAll(keepingCapacity: true)
        audit.removeAll(keepingCapacity: true)
        count = 0
    }

    /// Syncs what the last batch placed and appends its manifest lines: the end of a sweep.
    mutating func finish(options: SweepOptions, manifest: SweepManifest) throws(SweepError) {
        if unsyncedChanges { SweepFiles.sync(options.outDir) }
        unsyncedChanges = false
        try manifest.append(lines: unsyncedLines)
        unsyncedLines.removeAll()
    }

    /// Discards the staged outputs of a batch that will not be committed (the sweep stopped).
    mutating func discard() {
        for (from, _) in staged { from.discard() }
        staged.removeAll()
    }
}

/// Hands the inputs, numbered, to workers as the walk finds them and their results to the committer in
/// order, with at most `window` results waiting, so that memory does not grow with the number of cables.
/// Threads are woken only when there is work for them: the committer when a run of `wakeRun` results from
/// the one it waits for is ready (or the rest of the walk is), a worker when the window has room; each
/// wake-up is a system call and a context switch, too dear to pay per cable.
final class SweepQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var walk: SweepWalk
    private let window: Int
    private let cancellation: SweepCancellation
    private var handedOut = 0
    private var committed = 0
    private var walked = false
    private var results: [Int: SweepResult] = [:]
    /// The result the committer waits for, if it waits.
    private var committerWaitsFor: Int?
    /// Workers waiting for room in the window.
    private var workersWaiting = 0
    /// Consecutive results ready before the committer is woken.
    static let wakeRun = 16

    init(_ walk: SweepWalk, window: Int, cancellation: SweepCancellation) {
        self.walk = walk
        self.window = window
        self.cancellation = cancellation
    }

    /// The next input and its number, or nil when the walk is over or the sweep was cancelled, or (unless
    /// `waiting`) when the window is full.
    func take(waiting: Bool = true) -> (Int, SweepInput)? {
        condition.lock()
        defer { condition.unlock() }
        while handedOut - committed >= window, !cancellation.isCancelled {
            guard waiting else { return nil }
            workersWaiting += 1
            _ = condition.wait(until: Date().addingTimeInterval(0.2))
            workersWaiting -= 1
        }
        guard !walked, !cancellation.isCancelled else { return nil }
        guard let input = walk.next() else {
            walked = true
            condition.broadcast()
            return nil
        }
        handedOut += 1
        return (handedOut - 1, input)
    }

    /// A worker's result for input `i`.
    func put(_ i: Int, _ result: SweepResult) {
        condition.lock()
        results[i] = result
        let wake = committerWaitsFor.map(committerHasWork) ?? false
        condition.unlock()
        // Woken after the unlock: woken under the lock, the committer would wake only to wait for it.
        if wake { condition.broadcast() }
    }

    /// True when the committer, waiting for result `w`, should go on: `wakeRun` results from `w` are ready,
    /// or all those handed out are and the walk is over (or cancelled). Called under the lock.
    private func committerHasWork(_ w: Int) -> Bool {
        let end = w + SweepQueue.wakeRun
        guard end <= handedOut || walked || cancellation.isCancelled else { return false }
        for k in w..<min(end, handedOut) where results[k] == nil { return false }
        return true
    }

    /// The result for input `i` (waiting for it), or nil when `i` was never handed out (done or cancelled).
    func next(_ i: Int) -> SweepResult? {
        condition.lock()
        while results[i] == nil {
            if i >= handedOut, walked || cancellation.isCancelled {
                condition.unlock()
                return nil
            }
            committerWaitsFor = i
            _ = condition.wait(until: Date().addingTimeInterval(0.2))
            committerWaitsFor = nil
        }
        committed = i + 1
        let wake = workersWaiting > 0
        let result = results.removeValue(forKey: i)
        condition.unlock()
        if wake { condition.broadcast() }
        return result
    }

    /// True when the walk is over and all `committed` inputs it found were taken by the committer.
    func isComplete(_ committed: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return walked && committed == handedOut
    }
}

/// Carries a value that is used on one thread only across a thread hop.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
