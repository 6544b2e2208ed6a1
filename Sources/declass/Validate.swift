import ArgumentParser
import DeclassKit
import DeclassXML
import Foundation

/// `declass validate`: checks XML files against the shipped XSD, printing libxml2's errors with file and
/// line. Files are read securely: a DOCTYPE (DTD, entities) is refused, nothing is fetched.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate cable documents (XML) against the shipped XSD; print each error with file and line.",
        discussion: "Exit status: 0 every file is valid; 2 a file is malformed, has a DOCTYPE, is not valid, or cannot be read."
    )

    @Argument(help: "XML files to validate.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one XML file") }
    }

    func run() throws {
        let schema: XMLSchema
        do { schema = try XMLSchema.declass() } catch {
            printError("declass: \(error)")
            throw ExitStatus.usage.code
        }
        var failed = false
        for file in files {
            do {
                try schema.validate(try XMLInput.read(file), name: file)
                print("\(file): valid")
            } catch {
                printError("declass: " + error.description.replacingOccurrences(of: "\n", with: "\ndeclass: "))
                failed = true
            }
        }
        if failed { throw ExitStatus.usage.code }
    }
}
