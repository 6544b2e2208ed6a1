import Foundation

/// One line of a sweep's manifest: which input, with which digest, decided how, written where, under which
/// policy, date and stamp settings. A re-run skips an input whose entry matches its digest and the run's
/// settings, and whose output is still there with the digest recorded.
public struct SweepEntry: Sendable, Hashable, Codable {
    /// The cable id (`09ASTANA435`), when the parser read one.
    public var id: String?
    /// The input's absolute path (the folder given on the command line made absolute, then the file's place
    /// under it), so that `in`, `./in` and `/abs/in` name the same input.
    public var input: String
    /// `sha256:<hex>` of the input's bytes.
    public var inputSHA256: String
    public var disposition: SweepDisposition
    /// For a still-classified cable: the date it becomes eligible (`2029-03-12`), or nil for never by date.
    public var until: String?
    /// What the eligibility date rests on: `declassification-date`, `automatic`, `declassified`, or for
    /// never by date the instruction's kind (`oadr`, `manual-review`, `exemption`, `unparsed`, …). It names
    /// the basis without quoting the E.O. line, which a policy may withhold.
    public var basis: String?
    /// The release stamp's line (`RELEASE IN PART B6`), for written outputs.
    public var stamp: String?
    /// The output's path relative to the sweep's output folder, for written outputs.
    public var output: String?
    /// `sha256:<hex>` of the output's bytes, checked before a re-run skips the input.
    public var outputSHA256: String?
    /// `text` or `xml`.
    public var format: String
    /// The cable's overall classification (`C`, `S`, `U`, `SBU`, `?`).
    public var classification: String?
    /// The originating post (`ASTANA`).
    public var origin: String?
    /// The policy's digest (hex SHA-256, as `policy check` prints it).
    public var policyDigest: String
    /// The as-of date, `YYYY-MM-DD`.
    public var asOf: String
    /// The FOIA case number on the stamps, when given.
    public var caseID: String?
    /// The review authority on the stamps, when given.
    public var reviewAuthority: String?
    /// The declass version that wrote the entry.
    public var tool: String = DeclassVersion.current
    /// What went wrong, for `error`.
    public var error: String?

    /// How the error of a release the leak check stopped begins.
    static let leakPrefix = "leak check: "

    enum CodingKeys: String, CodingKey {
        case id, input, disposition, until, basis, stamp, output, format, classification, origin, tool, error
        case inputSHA256 = "input-sha256"
        case outputSHA256 = "output-sha256"
        case caseID = "case"
        case reviewAuthority = "review-authority"
        case policyDigest = "policy-digest"
        case asOf = "as-of"
    }

    /// True when this entry already holds the result of sweeping the same input bytes with the same
    /// settings as `fresh` (a new entry for the input: digest, policy, date, format, stamp fields, tool).
    /// The caller also checks that the output is still there with its digest.
    func holds(for fresh: SweepEntry) -> Bool {
        disposition != .error && inputSHA256 == fresh.inputSHA256 && policyDigest == fresh.policyDigest && asOf == fresh.asOf
            && format == fresh.format && caseID == fresh.caseID && reviewAuthority == fresh.reviewAuthority && tool == fresh.tool
    }

    /// The entry as one manifest line (JSON, keys sorted, no trailing newline), written in one pass: the keys
    /// are fixed, so they are written in their sorted order (by UTF-8 bytes); absent members are left out.
    var line: [UInt8] {
        func b(_ s: String?) -> Int { CanonicalJSON.Writer.bound(s?.utf8.count ?? 0) }
        var bound = 256 + b(asOf) + b(basis) + b(caseID) + b(classification) + b(disposition.rawValue) + b(error) + b(format)
        bound += b(id) + b(input) + b(inputSHA256) + b(origin) + b(output) + b(outputSHA256) + b(policyDigest)
        bound += b(reviewAuthority) + b(stamp) + b(tool) + b(until)
        let bytes = CanonicalJSON.Writer.bytes(capacity: bound) { w in
            func optional(_ key: StaticString, _ value: String?) {
                guard let value else { return }
                w.raw(key)
                w.string(value)
            }
            w.raw("{\"as-of\":"); w.string(asOf)
            optional(",\"basis\":", basis)
            optional(",\"case\":", caseID)
            optional(",\"classification\":", classification)
            w.raw(",\"disposition\":"); w.string(disposition.rawValue)
            optional(",\"error\":", error)
            w.raw(",\"format\":"); w.string(format)
            optional(",\"id\":", id)
            w.raw(",\"input\":"); w.string(input)
            w.raw(",\"input-sha256\":"); w.string(inputSHA256)
            optional(",\"origin\":", origin)
            optional(",\"output\":", output)
            optional(",\"output-sha256\":", outputSHA256)
            w.raw(",\"policy-digest\":"); w.string(policyDigest)
            optional(",\"review-authority\":", reviewAuthority)
            optional(",\"stamp\":", stamp)
            w.raw(",\"tool\":"); w.string(tool)
            optional(",\"until\":", until)
            w.raw("}")
        }
        assert(bytes == canonical.bytes, "manifest line writer disagrees with CanonicalJSON")
        return bytes
    }

    /// The entry as a canonical JSON value: the reference form of what `line` writes directly.
    var canonical: CanonicalJSON {
        var members: [String: CanonicalJSON] = [
            "input": .string(input), "input-sha256": .string(inputSHA256), "disposition": .string(disposition.rawValue),
            "format": .string(format), "policy-digest": .string(policyDigest), "as-of": .string(asOf), "tool": .string(tool),
        ]
        if let id { members["id"] = .string(id) }
        if let until { members["until"] = .string(until) }
        if let basis { members["basis"] = .string(basis) }
        if let stamp { members["stamp"] = .string(stamp) }
        if let output { members["output"] = .string(output) }
        if let outputSHA256 { members["output-sha256"] = .string(outputSHA256) }
        if let caseID { members["case"] = .string(caseID) }
        if let reviewAuthority { members["review-authority"] = .string(reviewAuthority) }
        if let classification { members["classification"] = .string(classification) }
        if let origin { members["origin"] = .string(origin) }
        if let error { members["error"] = .string(error) }
        return .object(members)
    }

    /// Reads a manifest line.
    static func decode(_ line: some DataProtocol) throws -> SweepEntry {
        do { return try JSONDecoder().decode(SweepEntry.self, from: Data(line)) } catch let DecodingError.keyNotFound(key, _) {
            throw SweepManifestLineError("no \"\(key.stringValue)\" member")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw SweepManifestLineError("\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type")
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw SweepManifestLineError("not JSON")
        } catch {
            throw SweepManifestLineError("not a manifest entry")
        }
    }
}

/// Why a manifest line could not be read, in words.
struct SweepManifestLineError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
