import ArgumentParser
import DeclassKit
import Foundation

/// `declass audit`: check, summarise and consult an audit log.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check, summarise and consult an audit log.",
        subcommands: [Verify.self, Show.self, Prove.self]
    )

    /// The key from `--key FILE` or DECLASS_AUDIT_KEY; a bad key file is a configuration error (exit 2).
    static func key(_ path: String?) throws -> AuditKey? {
        do {
            return try AuditKey.resolve(path: path, environment: ProcessInfo.processInfo.environment)
        } catch {
            printError("declass: \(error)")
            throw ExitStatus.usage.code
        }
    }

    /// `declass audit verify`: checks the chain and the MACs, reports the first broken entry.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an audit log's chain (and MACs, with the key); report the first broken entry.",
            discussion: "Exit status: 0 intact; 1 broken or unreadable; 2 usage or key error."
        )

        @Argument(help: "The audit log (JSON Lines).")
        var log: String

        @Option(help: "The key file the log was written with (default: DECLASS_AUDIT_KEY).")
        var key: String?

        func run() throws {
            let key = try Audit.key(key)
            do {
                let result = try AuditVerifier.verify(path: log, key: key)
                guard result.isIntact else {
                    printError("declass: \(result)")
                    throw ExitStatus.someInputsFailed.code
                }
                print(result)
                print("head: \(result.head)")
            } catch let error as AuditLogError {
                printError("declass: \(error)")
                throw ExitStatus.someInputsFailed.code
            }
        }
    }

    /// `declass audit show`: counts per exemption, rule and cable, documents per disposition.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarise an audit log: withheld units, redacted spans and characters per exemption, rule and cable; documents per disposition.",
            discussion: "The log is not verified here: run `declass audit verify` for that."
        )

        @Argument(help: "The audit log (JSON Lines).")
        var log: String

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            do {
                let summary = try AuditSummary.load(path: log)
                switch format {
                case .text: print(summary.text(), terminator: "")
                case .json: print(summary.json())
                }
            } catch {
                printError("declass: \(error)")
                throw ExitStatus.someInputsFailed.code
            }
        }
    }

    /// `declass audit prove`: is a candidate text the text withheld at an entry?
    struct Prove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say whether a candidate text is the text withheld at an entry (white space is folded; case is not).",
            discussion: "Exit status: 0 the text matches; 1 it does not, or the log is unreadable; 2 usage error (no such entry, a document entry, missing or wrong key)."
        )

        @Argument(help: "The audit log (JSON Lines).")
        var log: String

        @Option(help: "The entry's number (its seq).")
        var entry: Int

        @Option(help: "The file holding the candidate text ('-' reads standard input).")
        var text: String

        @Option(help: "The key file the log was written with (default: DECLASS_AUDIT_KEY).")
        var key: String?

        func validate() throws {
            if entry < 1 { throw ValidationError("--entry must be an entry number, 1 or more, not \(entry)") }
        }

        func run() throws {
            let key = try Audit.key(key)
            let candidate = try readCandidate()
            do {
                let proof = try AuditProver.prove(path: log, entry: entry, candidate: candidate, key: key)
                print(proof)
                if !proof.matches { throw ExitStatus.someInputsFailed.code }
            } catch let error as AuditProofError {
                printError("declass: \(error)")
                throw (error.isUsageError ? ExitStatus.usage : ExitStatus.someInputsFailed).code
            }
        }

        /// The candidate text, which must be UTF-8; an unreadable file is a usage error.
        private func readCandidate() throws -> String {
            let data: Data
            if text == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let d = FileManager.default.contents(atPath: text) else {
                    printError("declass: \(text): cannot read the candidate text file")
                    throw ExitStatus.usage.code
                }
                data = d
            }
            guard let s = String(data: data, encoding: .utf8) else {
                printError("declass: \(text): the candidate text is not UTF-8: convert it to UTF-8")
                throw ExitStatus.usage.code
            }
            return s
        }
    }
}
