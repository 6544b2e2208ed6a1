/// A part of a cable that a release withholds or redacts, with its text: what the audit log digests and
/// the leak check looks for. The text never leaves the process.
public struct WithheldPart: Sendable {
    /// `¶4`, `subject`, `routing@3`.
    public var label: String
    public var line: Int
    public var action: PolicyAction
    public var rule: String?
    public var rules: [String]
    public var exemption: Exemption?
    public var authority: String?
    /// The withheld words (white space folded).
    public var text: String
}

/// The release of one cable: its text, the review it follows, what it withholds, and the leak check's
/// findings (a release with leaks must not be written).
public struct Release: Sendable {
    public let review: Review
    public let text: ReleaseText
    public let withheld: [WithheldPart]
    public let leaks: [Leak]
    /// The leak checker of this release (its withheld texts, allowing what the policy released): the
    /// release's other forms (XML, JSON, a diff, a review page) are checked with it before they are written.
    public let checker: LeakChecker

    /// Decides `cable` with `engine`, writes its release text and checks it for leaks.
    public init(cable: borrowing Cable, engine: DecisionEngine, asOf: CivilDate, options: borrowing ReleaseOptions) {
        let review = engine.decide(cable, asOf: asOf)
        self.init(cable: cable, review: review, options: options)
    }

    /// Writes the release text of a review and checks it for leaks.
    public init(cable: borrowing Cable, review: Review, options: borrowing ReleaseOptions) {
        self.init(cable: cable, review: review, text: ReleaseText(cable: cable, review: review, options: options))
    }

    /// Checks an already written release text of a review for leaks. The cable is borrowed, not copied (a copy
    /// retains and releases each of its fields): only its source and units are kept, by the leak checker.
    public init(cable: borrowing Cable, review: Review, text: ReleaseText) {
        var withheld: [WithheldPart] = []
        // One allocation: a part per withheld unit and per redacted span.
        // Read through the array's elements in place (`for d in` copies each decision).
        var parts = 0
        let decisions = review.decisions
        for k in decisions.indices where !decisions[k].isStructure {
            switch decisions[k].action {
            case .withhold: parts += 1
            case .redact: parts += decisions[k].spans.count
            case .release: break
            }
        }
        withheld.reserveCapacity(parts)
        var lines = LineCounter(cable.source)
        // In place again: the decision's and the unit's fields are read where they stand, not copied.
        for k in decisions.indices where !decisions[k].isStructure {
            switch decisions[k].action {
            case .withhold:
                let u = decisions[k].unit
                withheld.append(WithheldPart(label: decisions[k].label, line: cable.units[u].firstLine, action: .withhold,
                                             rule: decisions[k].rule, rules: decisions[k].matchingRules,
                                             exemption: decisions[k].exemption, authority: decisions[k].authority,
                                             text: cable.words(ofUnitAt: u)))
            case .redact:
                for s in decisions[k].spans {
                    // Folded from the source's bytes: no string of the unfolded span is made first.
                    let words = cable.source.withUnsafeBufferPointer { String.foldingSpaces(ofUTF8: UnsafeBufferPointer(rebasing: $0[s.range])) }
                    withheld.append(WithheldPart(label: decisions[k].label, line: lines.line(at: s.range.lowerBound), action: .redact,
                                                 rule: s.rule, rules: decisions[k].matchingRules, exemption: s.exemption,
                                                 authority: s.exemption?.isClassified == true ? decisions[k].authority : nil, text: words))
                }
            case .release:
                break
            }
        }
        self.withheld = withheld
        // The released words in document order, as one text: words the release shows across two adjacent
        // released parts (`FM …` / `TO …`) are the policy's own release too. Found only when the checker
        // finds some secret's words in the output, as ranges of the source (no copy of the words is made).
        // The closure keeps the three arrays it reads, not the cable and the review (each of their fields retained).
        let checker = LeakChecker(withheld: withheld) { [source = cable.source, units = cable.units, decisions] in
            var ranges: [Range<Int>] = []
            // The decisions and units read in place, by index (`for d in` and `units[d.unit]` as an argument
            // copied each decision and unit, retaining their strings and arrays).
            for k in decisions.indices where !decisions[k].isStructure {
                switch decisions[k].action {
                case .withhold: break
                case .redact: Cable.appendWordRanges(ofUnitAt: decisions[k].unit, in: units, excluding: decisions[k].spans.map(\.range), to: &ranges)
                case .release: Cable.appendWordRanges(ofUnitAt: decisions[k].unit, in: units, excluding: [], to: &ranges)
                }
            }
            return (source, ranges)
        }
        leaks = checker.check(text.bytes)
        // Stored after their last use here: stored first, the text and the checker were copied for it.
        self.checker = checker
        self.text = text
        self.review = review
    }
}
