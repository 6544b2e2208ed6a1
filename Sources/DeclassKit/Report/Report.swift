import Foundation

/// A report a command prints, as text for a person or as stable JSON for programs.
public protocol Report: Encodable {
    /// The report as text for a person.
    func text() -> String
}

extension Report {
    /// The report as pretty-printed JSON with sorted keys (stable across runs).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension Array where Element: Report {
    /// Several reports: texts separated by a rule; in JSON one object for a single input (`single`),
    /// else an array.
    public func rendered(json: Bool, single: Bool) -> String {
        if json {
            if count == 1, single { return self[0].json() + "\n" }
            return isEmpty ? "" : "[\n" + map { $0.json() }.joined(separator: ",\n") + "\n]\n"
        }
        return map { $0.text() }.joined(separator: "\n" + String(repeating: "─", count: 72) + "\n\n")
    }
}

extension Cable {
    /// The 1-based line of byte `offset` of the source.
    public func line(at offset: Int) -> Int {
        var line = 1
        for i in 0..<Swift.min(offset, source.count) where source[i] == 0x0A { line += 1 }
        return line
    }
}
