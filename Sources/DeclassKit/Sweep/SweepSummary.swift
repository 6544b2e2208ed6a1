import Foundation

/// What a sweep did, counted from its manifest entries: by disposition, by classification, by origin, the
/// declassification dates ahead, and the errors.
public struct SweepSummary: Sendable, Codable, Report {
    /// Inputs the sweep found.
    public var inputs = 0
    /// Inputs committed (all of them unless interrupted).
    public var total = 0
    /// Inputs a re-run skipped because an earlier run's entry still holds.
    public var skipped = 0
    /// Input bytes read by this run.
    public var bytes = 0
    public var seconds = 0.0
    public var jobs = 1
    public var asOf = ""
    public var policy = ""
    public var policyDigest = ""
    /// True when the sweep was stopped before it committed every input (a re-run continues it).
    public var interrupted = false
    /// Why the sweep stopped, when it could not go on writing (a full disk, an audit log another
    /// process broke); what it committed before stays committed.
    public var failure: String?
    public var byDisposition: [String: Int] = [:]
    public var byClassification: [String: Int] = [:]
    public var byOrigin: [String: Int] = [:]
    /// Still-classified cables by the date they become eligible (`2029-03-12`), and `never` for none by date.
    public var ahead: [String: Int] = [:]
    /// The first errors, `input: message` (all are in the manifest).
    public var errors: [String] = []
    /// How many errors in all.
    public var errorCount = 0
    /// How many of the errors are the leak check's (nothing written for them).
    public var leaks = 0

    enum CodingKeys: String, CodingKey {
        case inputs, total, skipped, bytes, seconds, jobs, policy, interrupted, failure, ahead, errors, leaks
        case asOf = "as-of"
        case policyDigest = "policy-digest"
        case byDisposition = "by-disposition"
        case byClassification = "by-classification"
        case byOrigin = "by-origin"
        case errorCount = "error-count"
    }

    /// How many errors the summary lists by name.
    static let listedErrors = 20

    /// Counts one manifest entry.
    mutating func count(_ e: SweepEntry) {
        total += 1
        byDisposition[e.disposition.rawValue, default: 0] += 1
        byClassification[e.classification ?? "?", default: 0] += 1
        byOrigin[e.origin ?? "?", default: 0] += 1
        if e.disposition == .stillClassified { ahead[e.until ?? "never", default: 0] += 1 }
        if e.disposition == .error {
            errorCount += 1
            if e.error?.hasPrefix(SweepEntry.leakPrefix) == true { leaks += 1 }
            if errors.count < SweepSummary.listedErrors { errors.append("\(e.input): \(e.error ?? "error")") }
        }
    }

    /// Cables the sweep could not process.
    public var failed: Int { errorCount }

    /// The summary for a person: the counts, the next ten dates ahead, the errors.
    public func text() -> String {
        let limit = 10
        var out = "sweep as of \(asOf) under \(policy) (\(policyDigest.prefix(19))…): \(total)\(interrupted ? " of \(inputs)" : "") cables"
        if skipped > 0 { out += ", \(skipped) unchanged since the last run" }
        if let failure { out += " — STOPPED: \(failure); fix it and run the same command again to continue" } else if interrupted {
            out += " — INTERRUPTED: run the same command again to continue"
        }
        out += "\n"
        if seconds > 0 {
            out += String(format: "  %.1f s, %.1f MB/s, %.0f cables/s, %d jobs\n", seconds, Double(bytes) / 1e6 / seconds,
                          Double(total - skipped) / seconds, jobs)
        }
        out += "by disposition:\n"
        for d in SweepDisposition.allCases { out += "  \(d.rawValue.column(18)) \(byDisposition[d.rawValue] ?? 0)\n" }
        out += "by classification:\n"
        for c in ["TS", "S", "C", "SBU", "U", "?"] where byClassification[c] != nil { out += "  \(c.column(18)) \(byClassification[c]!)\n" }
        out += "by origin:\n"
        for (o, n) in byOrigin.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).prefix(15) {
            out += "  \(o.column(18)) \(n)\n"
        }
        if byOrigin.count > 15 { out += "  … \(byOrigin.count - 15) more origins (summary.json lists them all)\n" }
        let dated = ahead.filter { $0.key != "never" }.sorted { $0.key < $1.key }
        out += "next declassification dates ahead:\n"
        if dated.isEmpty { out += "  none\n" }
        for (date, n) in dated.prefix(limit) { out += "  \(date.column(18)) \(n)\n" }
        if dated.count > limit { out += "  … \(dated.count - limit) more dates (summary.json lists them all)\n" }
        if let never = ahead["never"] { out += "  \("never by date".column(18)) \(never)\n" }
        if errorCount > 0 {
            out += "errors (\(errorCount)):\n"
            for e in errors { out += "  \(e)\n" }
            if errorCount > errors.count { out += "  … \(errorCount - errors.count) more in the manifest\n" }
        }
        return out
    }
}
