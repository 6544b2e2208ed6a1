import Foundation

/// What a sweep reads, how it decides, and where it writes.
public struct SweepOptions: Sendable {
    /// Folders (searched recursively) or single cable files.
    public var inputs: [String]
    /// The output folder: releases mirror the input tree under it, next to `manifest.jsonl`, `summary.json`
    /// and (by default) `audit.jsonl`.
    public var outDir: String
    public var policy: Policy
    public var asOf: CivilDate
    public var format: any ReleaseRenderer
    /// Cables decided at once (worker threads); outputs, manifest and audit log do not depend on it.
    public var jobs: Int
    /// The audit log to append to (default: `audit.jsonl` in the output folder).
    public var audit: String?
    public var key: AuditKey?
    /// What the stamp says besides the decision (case, review authority, release date).
    public var release: ReleaseOptions
    /// The time every audit entry of the sweep carries (the sweep's start).
    public var time: Date
    /// Cables committed at most per batch (each batch: one sync, one audit append, one manifest append).
    public var batchSize = 1024

    public init(inputs: [String], outDir: String, policy: Policy, asOf: CivilDate, format: any ReleaseRenderer = TextReleaseRenderer(),
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, audit: String? = nil, key: AuditKey? = nil,
                release: ReleaseOptions, time: Date = Date()) {
        self.inputs = inputs
        self.outDir = outDir
        self.policy = policy
        self.asOf = asOf
        self.format = format
        self.jobs = max(1, jobs)
        self.audit = audit
        self.key = key
        self.release = release
        self.time = time
    }

    /// The audit log's path.
    public var auditPath: String { audit ?? outDir + "/audit.jsonl" }
    /// The manifest's path.
    public var manifestPath: String { outDir + "/manifest.jsonl" }
    /// The summary's path.
    public var summaryPath: String { outDir + "/summary.json" }

    /// An output's place under the output folder: the input's (`relative`), with the format's extension.
    public func outputRelative(_ relative: String) -> String {
        guard let ext = format.fileExtension else { return relative }
        return (relative as NSString).deletingPathExtension + "." + ext
    }
}

/// Lets another thread (a signal handler's) stop a sweep: workers finish the cable in hand, the sweep
/// commits everything finished in input order, and returns, marked interrupted.
public final class SweepCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    /// Asks the sweep to stop.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// True once `cancel()` was called.
    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}

/// Where a sweep is, for a progress bar: cables committed of all, input bytes read, time since the start.
public struct SweepProgress: Sendable {
    public var done: Int
    public var total: Int
    public var bytes: Int
    public var seconds: Double

    public init(done: Int, total: Int, bytes: Int, seconds: Double) {
        self.done = done
        self.total = total
        self.bytes = bytes
        self.seconds = seconds
    }

    /// Cables per second so far.
    public var rate: Double { seconds > 0 ? Double(done) / seconds : 0 }
    /// Seconds left at the rate so far, or nil before there is a rate.
    public var secondsLeft: Double? { rate > 0 ? Double(total - done) / rate : nil }
}

extension SweepProgress {
    /// A one-line progress bar for a terminal: `[#####·····]  1,234/61,000  2% 845 cables/s 8.1 MB/s 1:12 left`.
    public func bar(width: Int = 30) -> String {
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let filled = min(width, Int(fraction * Double(width)))
        let left = secondsLeft.map { s -> String in
            let t = Int(s.rounded())
            return t >= 3600 ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String(format: "%d:%02d", t / 60, t % 60)
        } ?? "-:--"
        return "[" + String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled) + "] "
            + "\(done)/\(total) \(Int(fraction * 100))% \(Int(rate)) cables/s "
            + String(format: "%.1f MB/s", seconds > 0 ? Double(bytes) / 1e6 / seconds : 0) + " \(left) left"
    }

    /// The progress as one JSON line for other programs: `{"done":…,"total":…,"bytes":…,"seconds":…,"rate":…,"eta":…}`.
    public var jsonLine: String {
        let eta = secondsLeft.map { String(format: "%.1f", $0) } ?? "null"
        return "{\"done\":\(done),\"total\":\(total),\"bytes\":\(bytes),\"seconds\":\(String(format: "%.3f", seconds)),"
            + "\"rate\":\(String(format: "%.1f", rate)),\"eta\":\(eta)}"
    }
}
