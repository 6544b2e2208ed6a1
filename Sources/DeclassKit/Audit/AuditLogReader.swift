import Foundation

/// An audit log's lines as read for checking, showing and proving: each line's bytes (without its
/// newline) and number, and whether the file ended with a newline.
struct AuditLogReader {
    let path: String
    let bytes: [UInt8]
    /// Byte ranges of the lines, without their newlines.
    let lines: [Range<Int>]
    /// False when the file's last line has no newline (a cut file or an interrupted write).
    let endsWithNewline: Bool

    /// Reads the log at `path`.
    init(path: String) throws(AuditLogError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw AuditLogError.cannotRead(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw AuditLogError.cannotRead(path: path, reason: "is a directory") }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw AuditLogError.cannotRead(path: path, reason: error.localizedDescription)
        }
        self.init(path: path, bytes: [UInt8](data))
    }

    /// Splits `bytes` into lines.
    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var lines: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(start..<i)
            start = i + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        self.lines = lines
        self.endsWithNewline = bytes.last == 0x0A || bytes.isEmpty
    }

    /// The bytes of line `index` (0-based).
    func line(_ index: Int) -> ArraySlice<UInt8> { bytes[lines[index]] }

    /// Every line read as an entry; the first line that is not one throws, naming it.
    func entries() throws(AuditLogError) -> [AuditEntry] {
        var out: [AuditEntry] = []
        out.reserveCapacity(lines.count)
        for i in lines.indices {
            do { out.append(try AuditEntry.decode(line: line(i))) } catch {
                throw AuditLogError.invalidLine(path: path, line: i + 1, reason: AuditLogReader.reason(error))
            }
        }
        return out
    }

    /// A short reason for a line that did not decode: the missing or mistyped key, or "not JSON".
    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let c): "no '\(path(c.codingPath + [key]))'"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "'\(path(c.codingPath))' has the wrong type"
        case DecodingError.dataCorrupted(let c) where !c.codingPath.isEmpty: "'\(path(c.codingPath))': \(c.debugDescription)"
        case is DecodingError: "not JSON"
        default: "\(error)"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String { keys.map(\.stringValue).joined(separator: ".") }
}
