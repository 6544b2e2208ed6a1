import Foundation

/// Reads XML files (or standard input for `-`) into bytes, within the reader's size limit.
public enum XMLInput {
    /// The bytes of `path`; a missing, unreadable or oversized file is an `XMLError` naming it.
    public static func read(_ path: String) throws(XMLError) -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw XMLError.unreadable(name: path, reason: "no such file") }
        if isDir.boolValue { throw XMLError.unreadable(name: path, reason: "is a directory") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int, size > XMLTree.maximumSize {
            throw XMLError.tooLarge(name: path, bytes: size, limit: XMLTree.maximumSize)
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw XMLError.unreadable(name: path, reason: "permission denied") }
        return [UInt8](data)
    }

    /// True when `path` names an XML document rather than a cable: an `.xml` name, or a file whose first
    /// non-blank character is `<`.
    public static func isXML(_ path: String) -> Bool {
        if path.lowercased().hasSuffix(".xml") { return true }
        guard path != "-", let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 256)) ?? Data()
        var bytes = [UInt8](head)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == 0x3C
    }
}
