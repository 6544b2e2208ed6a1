extension ReleaseDiff: Report {
    /// The diff as unified-diff text without colour (`diff -U0` shape: one hunk per changed unit).
    public func text() -> String { text(style: .plain) }

    /// The diff as unified-diff text: the stamp as an added hunk, then one hunk per unit whose release
    /// differs from the original, its header naming the unit, rule, exemption and authority; markers and
    /// notices highlighted when `style` colours.
    public func text(style: DiffStyle) -> String {
        var out = ""
        let name = cable.map { "\($0) (\(file))" } ?? file
        out += style.paint("--- \(name) original\(showOriginal ? "" : ", withheld words not shown")", DiffStyle.bold) + "\n"
        out += style.paint("+++ \(name) release: \(policy) version \(policyVersion), as of \(asOf)", DiffStyle.bold) + "\n"
        out += style.paint("@@ -0,0 +1,\(stamp.count + 1) @@ stamp", DiffStyle.cyan) + "\n"
        for line in stamp { out += style.paint("+" + line, DiffStyle.green) + "\n" }
        out += style.paint("+", DiffStyle.green) + "\n"
        for u in units where u.changed {
            let old = ReleaseDiff.lines(u.original, style: style, sign: "-", parts: u.parts)
            let new = ReleaseDiff.lines(u.release, style: style, sign: "+", parts: u.parts)
            out += style.paint("@@ -\(u.line),\(old.count) +\(u.releaseLine),\(new.count) @@ \(ReleaseDiff.hunkTitle(u))", DiffStyle.cyan) + "\n"
            for l in old { out += l + "\n" }
            for l in new { out += l + "\n" }
        }
        for o in overlaps {
            out += style.paint("# overlap: released \(o.released) repeats \(o.words) words of withheld \(o.withheld); check it before release", DiffStyle.yellow) + "\n"
        }
        for w in warnings { out += style.paint("# warning: \(w)", DiffStyle.yellow) + "\n" }
        return out
    }

    /// `¶4: withheld B1 1.4(B), 1.4(D) by classified-not-declassified (Classified national …)`.
    static func hunkTitle(_ u: DiffUnit) -> String {
        if u.parts.isEmpty { return "\(u.label): \(u.kind == "banner" || u.kind == "page-break" ? "classification recomputed" : "changed")" }
        var reasons: [String] = []
        for p in u.parts { if let r = p.reason, !reasons.contains(r) { reasons.append(r) } }
        var summaries: [String] = []
        for p in u.parts where !summaries.contains(p.summary) { summaries.append(p.summary) }
        return "\(u.label): " + summaries.joined(separator: "; ") + (reasons.isEmpty ? "" : " (" + reasons.joined(separator: " ") + ")")
    }

    /// The side's lines, each prefixed with `sign`, coloured when the style colours (a text not ending in a
    /// line break gets unified diff's `\ No newline at end of file`).
    static func lines(_ segments: [DiffSegment], style: DiffStyle, sign: String, parts: [DiffPart]) -> [String] {
        let base = sign == "-" ? DiffStyle.red : DiffStyle.green
        var lines: [String] = []
        var current = ""
        var open = false
        for s in segments {
            let codes: [String] = switch s.kind {
            case .text: [base]
            case .marker: [DiffStyle.bold, DiffStyle.yellow, DiffStyle.inverse]
            case .original: [DiffStyle.bold, DiffStyle.red, DiffStyle.inverse]
            case .hidden: [DiffStyle.yellow, DiffStyle.inverse]
            }
            let pieces = s.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (k, piece) in pieces.enumerated() {
                if k > 0 {
                    lines.append(style.paint(sign, base) + current)
                    current = ""
                }
                open = true
                current += style.color ? (piece.isEmpty ? "" : "\u{1B}[\(codes.joined(separator: ";"))m\(piece)\u{1B}[0m") : String(piece)
            }
        }
        let text = segments.joinedText
        if text.hasSuffix("\n") || text.isEmpty {
            // The last piece after the final line break is empty.
        } else if open {
            lines.append(style.paint(sign, base) + current)
            lines.append("\\ No newline at end of file")
        }
        return lines
    }
}
