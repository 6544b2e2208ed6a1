import Foundation

/// One cable's result, ready to commit: its manifest entry (and its line), and for a written release its
/// staged output, its place and its audit entries (digests only: the withheld texts are gone by now),
/// serialized by the worker so that the committer only numbers and chains them.
struct SweepResult: Sendable {
    var entry: SweepEntry
    var staged: SweepStaged?
    var target: SweepTarget?
    var audit = PreparedAuditEntries()
    /// The entry's manifest line (without its newline), written by the worker; empty when skipped.
    var line: [UInt8] = []
    /// An earlier run's output of this input that the new result does not keep (removed at commit).
    var obsolete: String?
    var bytes = 0
    /// True when an earlier run's entry still holds and nothing was done.
    var skipped = false
}

/// Decides and renders cables on one thread (it owns a decision engine, whose scanners are per thread).
struct SweepWorker {
    let options: SweepOptions
    let engine: DecisionEngine
    let earlier: [String: SweepEntry]
    let staging: SweepStaging
    let policyDigest: String
    let asOf: String

    init(options: SweepOptions, earlier: [String: SweepEntry], staging: SweepStaging) throws(PolicyError) {
        self.options = options
        self.engine = try DecisionEngine(policy: options.policy)
        self.earlier = earlier
        self.staging = staging
        self.policyDigest = options.policy.digest
        self.asOf = options.asOf.description
    }

    /// Reads, decides, renders, leak-checks and stages one cable; never throws (failures become entries).
    func process(_ opened: SweepOpenedInput) -> SweepResult {
        let input = opened.input
        var result = decide(opened)
        if !result.skipped { result.line = result.entry.line }
        // An earlier output this result does not replace in place must go: a release the new decision no
        // longer vouches for (still classified now, an error, another format) is never left behind.
        if !result.skipped, let old = earlier[input.path]?.output, old != result.entry.output {
            result.obsolete = options.outDir + "/" + old
        }
        return result
    }

    private func decide(_ opened: SweepOpenedInput) -> SweepResult {
        let input = opened.input, index = opened.index
        var entry = SweepEntry(id: nil, input: input.path, inputSHA256: "", disposition: .error, format: options.format.name,
                               policyDigest: policyDigest, asOf: asOf)
        entry.caseID = options.release.caseID
        entry.reviewAuthority = options.release.reviewAuthority
        if let problem = input.unreadable {
            entry.error = "\(input.path): cannot read the folder: \(problem)"
            return SweepResult(entry: entry)
        }
        let bytes: [UInt8]
        do { bytes = try opened.read() } catch {
            entry.error = error.description
            return SweepResult(entry: entry)
        }
        entry.inputSHA256 = AuditDigest.sha256(bytes)
        if let old = earlier[input.path], old.holds(for: entry), outputIntact(old) {
            return SweepResult(entry: old, bytes: bytes.count, skipped: true)
        }
        let cable: Cable
        do { cable = try CableParser.parse(bytes, name: input.path) } catch {
            entry.error = error.description
            return SweepResult(entry: entry, bytes: bytes.count)
        }
        entry.id = cable.id
        entry.origin = cable.origin
        let level = max(cable.classification, cable.highestPortion)
        entry.classification = level.abbreviation
        let eligibility = Eligibility(cable, automaticYears: options.policy.automaticDeclassificationYears)
        entry.basis = eligibility.basis == .never ? cable.declassification.kind.rawValue : eligibility.basis.rawValue
        if level >= .confidential, !eligibility.isDeclassified(on: options.asOf) {
            entry.disposition = .stillClassified
            entry.until = eligibility.date?.description
            return SweepResult(entry: entry, bytes: bytes.count)
        }
        let review = engine.decide(cable, asOf: options.asOf)
        let rendered: RenderedRelease
        do { rendered = try options.format.render(cable: cable, review: review, options: options.release) } catch {
            entry.error = "\(error)"
            return SweepResult(entry: entry, bytes: bytes.count)
        }
        guard rendered.leaks.isEmpty else {
            entry.error = rendered.leaks.map { SweepEntry.leakPrefix + "\($0)" }.joined(separator: "; ") + ": nothing written"
            return SweepResult(entry: entry, bytes: bytes.count)
        }
        let relative = options.outputRelative(input.relative)
        let target = SweepTarget(outDir: options.outDir, relative: relative)
        let staged: SweepStaged
        do { staged = try staging.stage(rendered.bytes, index: index) } catch {
            entry.error = error.description
            return SweepResult(entry: entry, bytes: bytes.count)
        }
        let audit: (entries: PreparedAuditEntries, documentDigest: String)
        do {
            audit = try PreparedAuditEntries.release(rendered.withheld, review: review, cable: cable, policy: options.policy, output: target.path,
                                                     bytes: rendered.bytes, caseID: options.release.caseID, docNo: nil, key: options.key,
                                                     time: options.time)
        } catch {
            staged.discard()
            entry.error = "\(error)"
            return SweepResult(entry: entry, bytes: bytes.count)
        }
        entry.disposition = SweepDisposition(review.disposition)
        entry.stamp = review.stampLine
        entry.output = relative
        // The document entry holds the output's digest already (`sha256:` of its bytes, keyed or not).
        entry.outputSHA256 = audit.documentDigest
        return SweepResult(entry: entry, staged: staged, target: target, audit: audit.entries, bytes: bytes.count)
    }

    /// True when an earlier entry's output (if it has one) is still in place with the bytes it recorded.
    private func outputIntact(_ old: SweepEntry) -> Bool {
        guard let output = old.output else { return true }
        guard let digest = old.outputSHA256, let bytes = try? CableInput.read(options.outDir + "/" + output) else { return false }
        return AuditDigest.sha256(bytes) == digest
    }
}
