import Foundation

/// Reads cable files (or standard input for `-`) into bytes, turning every way a read can fail into a
/// `CableError` that names the input.
public enum CableInput {
    /// Reads and parses the cable at `path` (`-` for standard input).
    public static func load(_ path: String) throws(CableError) -> Cable {
        try CableParser.parse(try read(path), name: path)
    }

    /// The bytes at `path`, or of standard input for `-`; never modifies the input.
    public static func read(_ path: String) throws(CableError) -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return [UInt8](data)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CableError.notFound(path: path) }
        if isDirectory.boolValue { throw CableError.isDirectory(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CableError.unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        do {
            if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int, size > CableParser.maximumSize {
                throw CableError.tooLarge(name: path, bytes: size, limit: CableParser.maximumSize)
            }
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        } catch let error as CableError {
            throw error
        } catch {
            throw CableError.unreadable(path: path, reason: String(describing: error))
        }
    }
}
