import ArgumentParser
import DeclassKit

/// `declass policy`: work with policy files.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Work with policy files.",
        subcommands: [Check.self]
    )

    /// `declass policy check`: validates policy files.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate policy files: keys, values, patterns, extends; print a summary of each."
        )

        @Argument(help: "Policy files (YAML).")
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one policy file") }
        }

        func run() throws {
            var failed = false
            for file in files {
                do {
                    let p = try PolicyLoader.load(file)
                    print(PolicySummary(p).text)
                } catch {
                    printError("declass: \(error)")
                    failed = true
                }
            }
            if failed { throw ExitStatus.usage.code }
        }
    }
}
