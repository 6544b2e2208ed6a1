import Foundation

/// Puts a checked release where it belongs: the output written to a temporary file and synced, the audit
/// entries appended, then the file renamed into place, so that there is never an output without its
/// audit entries, nor a half-written output. Standard output (`-`) is written last, after the audit log.
public enum ReleaseWriter {
    /// Why a release was not written.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case leaked(name: String, leaks: [Leak])
        case output(OutputError)
        case audit(AuditLogError)

        public var description: String {
            switch self {
            case .leaked(let name, let leaks):
                leaks.map { "\(name): leak check: \($0): nothing written" }.joined(separator: "\n")
            case .output(let e): e.description
            case .audit(let e): "\(e): nothing written"
            }
        }
    }

    /// Writes `release` of `cable` to `path` (`-`: standard output), appending to the audit log at
    /// `audit` when given (an existing output is replaced only with `force`); returns the audit log's warnings (a repaired torn line).
    /// `output` replaces the release text with another form of the same release (XML, JSON), already
    /// leak-checked by the caller with `release.checker`; `outputLeaks` are that check's findings.
    @discardableResult
    public static func write(_ release: Release, cable: Cable, policy: Policy, to path: String, audit: String?, key: AuditKey?,
                             caseID: String?, docNo: String?, force: Bool = false,
                             output: [UInt8]? = nil, outputLeaks: [Leak] = []) throws(Failure) -> [String] {
        guard release.leaks.isEmpty else { throw Failure.leaked(name: cable.name, leaks: release.leaks) }
        guard outputLeaks.isEmpty else { throw Failure.leaked(name: cable.name, leaks: outputLeaks) }
        if path != "-", cable.name != "-", sameFile(path, cable.name) { throw Failure.output(.wouldOverwriteInput(path: path)) }
        if path != "-", !force, FileManager.default.fileExists(atPath: path) { throw Failure.output(.exists(path: path)) }
        let bytes = output ?? release.text.bytes
        var pending: AtomicFile?
        if path != "-" {
            do { pending = try AtomicFile(path: path, bytes: bytes) } catch { throw Failure.output(error) }
        }
        var warnings: [String] = []
        if let audit {
            do {
                let entries = try PreparedAuditEntries(release: release, cable: cable, policy: policy, output: path, bytes: bytes,
                                                       caseID: caseID, docNo: docNo, key: key, time: Date())
                warnings = try AuditLog.appendPrepared([entries], to: audit, key: key)
            } catch {
                pending?.discard()
                throw Failure.audit(error)
            }
        }
        if let pending {
            do { try pending.commit() } catch { throw Failure.output(error) }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
        return warnings
    }

    /// True when both paths name the same existing file.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        guard let x = try? FileManager.default.attributesOfItem(atPath: a), let y = try? FileManager.default.attributesOfItem(atPath: b) else { return false }
        return (x[.systemFileNumber] as? Int) == (y[.systemFileNumber] as? Int) && (x[.systemNumber] as? Int) == (y[.systemNumber] as? Int)
    }
}
