import DeclassKit
import Foundation

extension CableDocument: Report {
    /// What `declass inspect` shows of a cable document: its identity, marking, release and a table of
    /// its parts (element, label, line, marking, disposition, exemption, rule).
    public func text() -> String {
        var out = ""
        func field(_ name: String, _ value: String?) {
            out += name.padding(toLength: 16, withPad: " ", startingAt: 0) + (value ?? "—") + "\n"
        }
        field("File", source)
        field("Document", "declass cable document (\(kind.rawValue))")
        field("Cable", id)
        field("Date", date)
        field("Origin", origin)
        field("Marking", CableDocument.describe(marking))
        if let r = release {
            field("Policy", "\(r.policy) version \(r.policyVersion) as of \(r.asOf)")
            field("Disposition", r.disposition)
            for (i, line) in r.stamp.enumerated() { field(i == 0 ? "Stamp" : "", line) }
        }
        let portions = parts.filter { $0.marking != nil }
        var counts: [String] = []
        for d in [XMLPart.Disposition.released, .redacted, .withheld] {
            let n = portions.filter { $0.disposition == d }.count
            if n > 0 { counts.append("\(n) \(d.rawValue)") }
        }
        field("Portions", "\(portions.count)" + (counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")"))
        let widths = [6, 18, 18, 24, 12, 10, 0]
        func row(_ cells: [String]) {
            var line = ""
            for (i, c) in cells.enumerated() {
                let w = widths[i]
                line += w == 0 ? c : (c.count >= w ? c + " " : c.padding(toLength: w, withPad: " ", startingAt: 0))
            }
            out += line.trimmingCharacters(in: .whitespaces) + "\n"
        }
        out += "\n"
        row(["line", "part", "label", "marking", "disposition", "exemption", "rule"])
        for p in portions {
            row([String(p.line), p.part, p.label, p.marking.map(CableDocument.describe) ?? "", p.disposition?.rawValue ?? "",
                 p.exemption ?? "", p.rule ?? ""])
        }
        return out
    }

    /// `C//NF`, `U (SBU)`, `U (declassified, was C)`.
    static func describe(_ m: XMLMarking) -> String {
        var s = ([m.classification] + m.disseminationControls).joined(separator: "//")
        if !m.nonICMarkings.isEmpty { s += " (" + m.nonICMarkings.joined(separator: " ") + ")" }
        if m.declassified { s += " (declassified" + (m.mark.map { ", was \($0)" } ?? "") + ")" }
        return s
    }
}
