/// The classification of what a release keeps: the highest level among the released portions, counting a
/// declassified portion as unclassified. It is what the recomputed banners say.
public struct ReleaseClassification: Sendable, Hashable {
    public var level: Classification
    /// Dissemination controls still in force (only while the level is C or above).
    public var controls: [String]

    /// Computes the classification of the release of `cable` under `review`.
    public init(cable: borrowing Cable, review: borrowing Review) {
        let declassified = review.eligibility.isDeclassified(on: review.asOf)
        var level = Classification.unclassified
        var controls: [String] = []
        // Indexed, not iterated: each decision's fields are read in place instead of copying the decision, and
        // each unit's marking too (copying it retained and released its controls for every released unit).
        let decisions = review.decisions
        let units = cable.units
        for k in decisions.indices where decisions[k].action != .withhold && !decisions[k].isStructure {
            let u = decisions[k].unit
            guard var l = units[u].marking?.classification else { continue }
            if declassified, l != .unknown, l > .sensitiveButUnclassified { l = .unclassified }
            if l > level { level = l }
            if l >= .confidential, let m = units[u].marking { for c in m.controls where !controls.contains(c) { controls.append(c) } }
        }
        self.level = level
        self.controls = level >= .confidential ? controls : []
    }

    /// The banner words: `UNCLASSIFIED`, `SENSITIVE BUT UNCLASSIFIED`, `CONFIDENTIAL//NOFORN`.
    public var bannerText: String {
        let word = level == .unknown ? "UNKNOWN CLASSIFICATION" : level.bannerWord
        // The word alone without controls (the join of one string is that string, made again).
        return controls.isEmpty ? word : ([word] + controls).joined(separator: "//")
    }
}
