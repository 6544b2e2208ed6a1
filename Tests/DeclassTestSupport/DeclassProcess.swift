import Foundation

/// Runs the `declass` executable that SwiftPM built next to the test bundle, for tests of the commands.
public enum DeclassProcess {
    /// The `declass` executable built next to the test bundle, or nil when it is not there.
    public static var executable: URL? {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = me.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("declass")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// A started `declass` process with `arguments` (the audit key variable removed from its environment
    /// unless given), its output going to `stdout`/`stderr` (default: discarded).
    public static func start(_ arguments: [String], environment: [String: String] = [:],
                             stdout: Any? = FileHandle.nullDevice, stderr: Any? = FileHandle.nullDevice) throws -> Process {
        guard let executable else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the declass executable was not found next to the test bundle (\(CommandLine.arguments[0])): build it first"])
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DECLASS_AUDIT_KEY")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return process
    }

    /// Runs `declass` with `arguments` to its end; returns its exit status, standard output and standard error.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let out = Pipe(), err = Pipe()
        let process = try start(arguments, environment: environment, stdout: out, stderr: err)
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
