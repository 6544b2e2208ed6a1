import ArgumentParser
import Foundation

/// The exit statuses shared by every command (documented in README.md).
enum ExitStatus: Int32 {
    case ok = 0
    case someInputsFailed = 1
    case usage = 2
    case leak = 3

    var code: ExitCode { ExitCode(rawValue) }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
