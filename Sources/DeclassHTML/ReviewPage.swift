import DeclassKit
import Plot

/// The HTML review page of a diff: one self-contained document (inline stylesheet and script, a
/// Content-Security-Policy that allows nothing from outside), original and release side by side, every
/// withheld and redacted part highlighted by exemption with its rule and reason on hover and focus, a
/// legend, the stamp and counts per exemption on top, overlap warnings, and `n`/`p` moving between the
/// release's redactions. The original side holds withheld words only when the diff was made with
/// `showOriginal` (a banner says which).
public struct ReviewPage: Sendable {
    /// The page's HTML.
    public let html: String

    /// The page of `diff`; with `changes`, a table of the units whose decision differs from another
    /// review (`--against`) is added to the summary.
    public init(diff: ReleaseDiff, changes: DecisionDiff? = nil) {
        let csp = ContentSecurityPolicy(style: ReviewPageAssets.style.source, script: ReviewPageAssets.script.source)
        let title = "Review: \(diff.cable ?? diff.file) — \(diff.policy) as of \(diff.asOf)"
        let head = H.el("head", [], [
            H.void("meta", [("charset", "utf-8")]),
            H.void("meta", [("http-equiv", "Content-Security-Policy"), ("content", csp.text)]),
            H.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            H.void("meta", [("name", "referrer"), ("content", "no-referrer")]),
            H.el("title", [], [H.text(title)]),
            H.el("style", [], [H.constant(ReviewPageAssets.style)]),
        ])
        var marks = 0
        let body = H.el("body", [], [
            ReviewPage.header(diff, changes: changes, title: title),
            H.el("div", [("class", "main"), ("role", "main")], [
                H.el("div", [("class", "cols"), ("aria-hidden", "true")], [
                    H.el("h2", [], [H.text(diff.showOriginal ? "Original (unredacted)" : "Original (withheld words not shown)")]),
                    H.el("h2", [], [H.text("Release")]),
                ]),
                ReviewPage.stampRow(diff),
            ] + diff.units.map { ReviewPage.unitRow($0, marks: &marks) }),
            H.el("script", [], [H.constant(ReviewPageAssets.script)]),
        ])
        html = "<!DOCTYPE html>\n" + H.el("html", [("lang", "en")], [head, body]).render() + "\n"
    }

    // Only elements HTML 4 knows (div, span, pre, table…), with ARIA roles for the landmarks: libxml2's
    // HTML parser, which checks the page, reads `header`, `section`, `main` and `mark` as errors.

    /// The top of the page: title, banner, summary, legend and keys.
    static func header(_ diff: ReleaseDiff, changes: DecisionDiff?, title: String) -> PageNode {
        let banner = diff.showOriginal
            ? H.el("p", [("class", "banner unredacted"), ("role", "alert")], [H.text(
                "UNREDACTED: this page shows the withheld and redacted words on the original side (--show-original). It is not releasable: do not send it to a requester.")])
            : H.el("p", [("class", "banner hidden-words")], [H.text(
                "The original side does not show withheld or redacted words: each unit keeps its number and mark, and a notice says how many words are withheld and why. Run with --show-original to see them.")])
        var facts: [PageNode] = []
        func fact(_ name: String, _ value: String) {
            facts.append(H.el("dt", [], [H.text(name)]))
            facts.append(H.el("dd", [], [H.text(value)]))
        }
        fact("Cable", "\(diff.cable ?? "—") (\(diff.file))")
        fact("Policy", "\(diff.policy) version \(diff.policyVersion) (sha256 \(diff.policyDigest.prefix(16))…)")
        fact("As of", diff.asOf.description)
        fact("Eligibility", diff.eligibility)
        fact("Disposition", diff.disposition)
        let codes = diff.counts.keys.sorted()
        let rows = codes.map { code -> PageNode in
            let c = diff.counts[code]!
            return H.el("tr", [], [
                H.el("td", [], [H.el("span", [("class", "swatch " + ExemptionNames.cssClass(code == "none" ? nil : code))], []), H.text(code)]),
                H.el("td", [], [H.text(String(c.withheld))]),
                H.el("td", [], [H.text(String(c.redacted))]),
            ])
        }
        let total = diff.counts.values.reduce((0, 0)) { ($0.0 + $1.withheld, $0.1 + $1.redacted) }
        let counts = H.el("table", [("class", "counts")], [
            H.el("caption", [], [H.text("Parts per exemption")]),
            H.el("tr", [], [H.el("th", [], [H.text("Exemption")]), H.el("th", [], [H.text("Withheld units")]), H.el("th", [], [H.text("Redacted spans")])]),
        ] + rows + [
            H.el("tr", [], [H.el("th", [], [H.text("Total")]), H.el("th", [], [H.text(String(total.0))]), H.el("th", [], [H.text(String(total.1))])]),
        ])
        var summary: [PageNode] = [
            H.el("pre", [("class", "stamp"), ("aria-label", "release stamp")], [H.text(diff.stamp.joined(separator: "\n"))]),
            H.el("dl", [("class", "facts")], facts),
            counts,
        ]
        var notes: [PageNode] = []
        if !diff.overlaps.isEmpty {
            notes.append(H.el("h2", [], [H.text("Overlap warnings")]))
            notes.append(H.el("ul", [("class", "overlaps")], diff.overlaps.map { o in
                H.el("li", [("class", "overlap")], [H.text("overlap: released \(o.released) repeats \(o.words) words of withheld \(o.withheld); check it before release")])
            }))
        }
        if !diff.warnings.isEmpty {
            notes.append(H.el("h2", [], [H.text("Warnings")]))
            notes.append(H.el("ul", [("class", "warnings")], diff.warnings.map { H.el("li", [("class", "warning")], [H.text($0)]) }))
        }
        if let changes {
            notes.append(H.el("h2", [], [H.text("Decisions that differ from \(changes.before.policy) as of \(changes.before.asOf)")]))
            notes.append(changes.changes.isEmpty
                ? H.el("p", [], [H.text("No unit's decision differs.")])
                : H.el("ul", [("class", "changes")], changes.changes.map { H.el("li", [("class", "change " + $0.direction.rawValue)], [H.text($0.summary)]) }))
        }
        if !notes.isEmpty { summary.append(H.el("div", [("class", "notes")], notes)) }
        return H.el("div", [("class", "top"), ("role", "banner")], [
            H.el("h1", [], [H.text(title)]),
            banner,
            H.el("div", [("class", "summary"), ("role", "region"), ("aria-label", "summary")], summary),
            legend(diff),
            H.el("p", [("class", "keys")], [
                H.text("Keys: "), H.el("kbd", [], [H.text("n")]), H.text(" next redaction, "), H.el("kbd", [], [H.text("p")]),
                H.text(" previous; hover or focus a highlighted part for its rule and reason. "),
                H.el("span", [("id", "position"), ("aria-live", "polite")], []),
            ]),
        ])
    }

    /// The exemptions and rules the release applies, with what they cover and why.
    static func legend(_ diff: ReleaseDiff) -> PageNode {
        let codes = diff.counts.keys.sorted()
        var rules: [String: DiffPart] = [:]
        var order: [String] = []
        for u in diff.units {
            for p in u.parts {
                let id = p.rule ?? "default"
                if rules[id] == nil { rules[id] = p; order.append(id) }
            }
        }
        return H.el("div", [("class", "legend"), ("role", "region"), ("aria-label", "legend")], [
            H.el("h2", [], [H.text("Legend")]),
            H.el("ul", [], codes.map { code in
                H.el("li", [], [H.el("span", [("class", "swatch " + ExemptionNames.cssClass(code == "none" ? nil : code))], []),
                                H.el("strong", [], [H.text(code)]), H.text(" — " + ExemptionNames.describe(code))])
            }),
            H.el("ul", [("class", "rules")], order.map { id in
                let p = rules[id]!
                return H.el("li", [], [H.el("strong", [], [H.text(id)]),
                                       H.text(": \(p.action == "withhold" ? "withholds" : "redacts") under \(p.exemption ?? "no exemption")"
                                              + (p.reason.map { " — \($0)" } ?? ""))])
            }),
        ])
    }

    /// The release's stamp, on the release side above the first unit.
    static func stampRow(_ diff: ReleaseDiff) -> PageNode {
        H.el("div", [("class", "unit changed stamp-row"), ("role", "region"), ("aria-label", "release stamp")], [
            H.el("div", [("class", "side orig")], [H.el("pre", [], [])]),
            H.el("div", [("class", "side rel")], [H.el("span", [("class", "side-name")], [H.text("Release")]),
                                                   H.el("pre", [], [H.text(diff.stamp.joined(separator: "\n") + "\n\n")])]),
        ])
    }

    /// One unit: its original and its release, parts highlighted; the release's markers are the
    /// redactions `n`/`p` move between (numbered in document order from `marks`).
    static func unitRow(_ u: DiffUnit, marks: inout Int) -> PageNode {
        let original = u.original.map { s -> PageNode in
            guard s.kind != .text, let k = s.part, k < u.parts.count else { return H.text(s.text) }
            let p = u.parts[k]
            return H.el("span", [("class", "hl source \(p.action) \(s.kind == .hidden ? "hidden " : "")\(ExemptionNames.cssClass(p.exemption))"),
                                 ("data-rule", p.rule ?? "default")],
                        [H.text(s.text), tip(u, p)])
        }
        let release = u.release.map { s -> PageNode in
            guard s.kind != .text else { return H.text(s.text) }
            marks += 1
            let p = s.part.flatMap { $0 < u.parts.count ? u.parts[$0] : nil }
            return H.el("span", [("class", "hl redaction \(p?.action ?? "withhold") \(ExemptionNames.cssClass(p?.exemption))"),
                                 ("id", "redaction-\(marks)"), ("tabindex", "0"), ("aria-describedby", "tip-\(marks)"),
                                 ("data-rule", p?.rule ?? "default")],
                        [H.text(s.text)] + (p.map { [tip(u, $0, id: "tip-\(marks)")] } ?? []))
        }
        return H.el("div", [("class", "unit\(u.changed ? " changed" : "") kind-\(u.kind)"), ("id", "unit-\(u.unit)"), ("role", "region"),
                                ("aria-label", "\(u.label), line \(u.line)")], [
            H.el("div", [("class", "side orig")], [H.el("span", [("class", "side-name")], [H.text("Original")]), H.el("pre", [], original)]),
            H.el("div", [("class", "side rel")], [H.el("span", [("class", "side-name")], [H.text("Release")]), H.el("pre", [], release)]),
        ])
    }

    /// The tooltip of a part: unit, action, exemption and authority, rule, reason.
    static func tip(_ u: DiffUnit, _ p: DiffPart, id: String? = nil) -> PageNode {
        var text = "\(u.label) (line \(p.line)): \(p.summary)"
        if p.propagated { text += ", repeating text the rule redacts elsewhere in the cable" }
        if let r = p.reason { text += ". " + r }
        return H.el("span", [("class", "tip"), ("role", "tooltip")] + (id.map { [("id", $0)] } ?? []), [H.text(text)])
    }
}
