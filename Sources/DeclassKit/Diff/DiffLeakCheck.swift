import Foundation

/// Looks for withheld text in a diff's output (text, JSON, or a page's text content) before it is
/// written, with the releases' own leak checkers: the output is read as a reader sees it, independently of
/// the renderer that made it.
public enum DiffLeakCheck {
    /// The leaks in the readings of an output (markup or escapes replaced by nothing and by a space, so
    /// that neither words glued by removed markup nor words split by it hide a leak), for every checker.
    ///
    /// `policyTexts` are the policies' own words shown with the parts (each rule's reason): they are not
    /// cable text, and may name what they withhold (`the routing indicator (RUEHC/)`), so each exact
    /// occurrence of one is taken out of the readings first; the same words anywhere else still count.
    public static func leaks(in readings: [String], checkers: [LeakChecker], policyTexts: [String] = []) -> [Leak] {
        let texts = Set(policyTexts.filter { !$0.isEmpty }).sorted { $0.count > $1.count }
        let readings = readings.map { reading in texts.reduce(reading) { $0.replacingOccurrences(of: $1, with: " ") } }
        var found: [Leak] = []
        for checker in checkers {
            for reading in readings {
                for leak in checker.check(Array(reading.utf8)) where !found.contains(where: { $0.unit == leak.unit && $0.rule == leak.rule }) {
                    found.append(leak)
                }
            }
        }
        return found
    }

    /// The policies' own texts shown with the parts: each rule's reason.
    public static func policyTexts(_ policies: [Policy]) -> [String] {
        policies.flatMap { $0.rules.compactMap(\.reason) }
    }

    /// The two readings of a terminal text: ANSI escape sequences removed, and replaced by a space.
    public static func readings(ofText text: String) -> [String] {
        [stripANSI(text, with: ""), stripANSI(text, with: " ")]
    }

    /// The readings of JSON: every string value, each on a line of its own (escapes decoded). Output that
    /// is not JSON is read as text.
    public static func readings(ofJSON json: String) -> [String] {
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else {
            return readings(ofText: json)
        }
        var strings: [String] = []
        collect(value, into: &strings)
        return [strings.joined(separator: "\n")]
    }

    private static func collect(_ value: Any, into strings: inout [String]) {
        switch value {
        case let s as String: strings.append(s)
        case let a as [Any]: for v in a { collect(v, into: &strings) }
        case let d as [String: Any]: for k in d.keys.sorted() { strings.append(k); collect(d[k]!, into: &strings) }
        default: break
        }
    }

    /// `text` with every `ESC [ … letter` sequence replaced by `replacement`.
    public static func stripANSI(_ text: String, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var scalars = text.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            guard c == "\u{1B}" else { out.unicodeScalars.append(c); continue }
            out += replacement
            guard let next = scalars.next() else { break }
            guard next == "[" else { continue }
            while let p = scalars.next(), !(("A"..."Z").contains(p) || ("a"..."z").contains(p)) {}
        }
        return out
    }
}
