import ArgumentParser
import DeclassKit
import Foundation

/// The `declass` command: turns classified diplomatic cables into releasable ones.
@main
struct Declass: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "declass",
        abstract: "Turn classified diplomatic cables into releasable ones.",
        discussion: """
            Exit status: 0 ok; 1 some inputs failed; 2 usage or configuration error; 3 the leak check stopped an output.
            """,
        version: DeclassVersion.current,
        subcommands: [Inspect.self, PolicyCommand.self, Decide.self, Redact.self, Export.self, Validate.self, Diff.self, Audit.self,
                      SweepCommand.self, CalendarCommand.self]
    )

    /// Runs the command, mapping every usage error to exit status 2 (the project's convention).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }
}
