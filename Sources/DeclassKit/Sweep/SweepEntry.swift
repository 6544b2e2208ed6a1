import Foundation

/// One line of a sweep's manifest: which input, with which digest, decided how, written where, under which
/// policy and date. A re-run skips an input whose entry matches its digest, the policy digest, the as-of
/// date and the format, and whose output is still there.
public struct SweepEntry: Sendable, Hashable, Codable {
    /// The cable id (`09ASTANA435`), when the parser read one.
    public var id: String?
    /// The input's path, as found under the folder given on the command line.
    public var input: String
    /// `sha256:<hex>` of the input's bytes.
    public var inputSHA256: String
    public var disposition: SweepDisposition
    /// For a still-classified cable: the date it becomes eligible (`2029-03-12`), or nil for never by date.
    public var until: String?
    /// Why it is still classified, or the eligibility reasoning of a released cable.
    public var eligibility: String?
    /// The release stamp's line (`RELEASE IN PART B6`), for written outputs.
    public var stamp: String?
    /// The output's path relative to the sweep's output folder, for written outputs.
    public var output: String?
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
    /// What went wrong, for `error`.
    public var error: String?

    /// How the error of a release the leak check stopped begins.
    static let leakPrefix = "leak check: "

    enum CodingKeys: String, CodingKey {
        case id, input, disposition, until, eligibility, stamp, output, format, classification, origin, error
        case inputSHA256 = "input-sha256"
        case policyDigest = "policy-digest"
        case asOf = "as-of"
    }

    /// True when this entry already holds the result of sweeping the same input bytes under the same policy,
    /// date and format (the output, when there is one, must also still exist; the caller checks that).
    func matches(sha256: String, policyDigest: String, asOf: String, format: String) -> Bool {
        disposition != .error && inputSHA256 == sha256 && self.policyDigest == policyDigest && self.asOf == asOf && self.format == format
    }

    /// The entry as one manifest line (JSON, keys sorted, no trailing newline).
    var line: [UInt8] {
        var members: [String: CanonicalJSON] = [
            "input": .string(input), "input-sha256": .string(inputSHA256), "disposition": .string(disposition.rawValue),
            "format": .string(format), "policy-digest": .string(policyDigest), "as-of": .string(asOf),
        ]
        if let id { members["id"] = .string(id) }
        if let until { members["until"] = .string(until) }
        if let eligibility { members["eligibility"] = .string(eligibility) }
        if let stamp { members["stamp"] = .string(stamp) }
        if let output { members["output"] = .string(output) }
        if let classification { members["classification"] = .string(classification) }
        if let origin { members["origin"] = .string(origin) }
        if let error { members["error"] = .string(error) }
        return CanonicalJSON.object(members).bytes
    }

    /// Reads a manifest line.
    static func decode(_ line: some DataProtocol) throws -> SweepEntry {
        try JSONDecoder().decode(SweepEntry.self, from: Data(line))
    }
}
