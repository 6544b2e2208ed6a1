import DeclassMatch

extension DecisionEngine {
    /// The bits (`DecisionEngine.bit(of:)`) of the unit kinds some part-restricted pattern's rule admits
    /// (`PolicyMatcher.partialKinds`); kinds sharing a bit only add units to scan.
    static func partialBits(_ matcher: PolicyMatcher) -> UInt64 {
        matcher.partialKinds.reduce(0) { $0 | bit(of: $1) }
    }

    /// Adds to `unitMatches` the matches of the part-restricted patterns (`PolicyMatcher.partial`), each
    /// numbered after the whole-text ones: one scan per run of consecutive units of the kinds they admit
    /// (structural units, empty in `text`, do not break a run), over the run's words and the line break
    /// after them. Those patterns match no line break, so each match lies in one unit, as in a scan of
    /// the whole text.
    func scanParts(_ cable: borrowing Cable, _ text: CableText, into unitMatches: inout [[PatternMatch]]) {
        let offset = matcher.database.count
        let count = cable.units.count
        @inline(__always) func isScanned(_ k: Int) -> Bool {
            partialBits & DecisionEngine.bit(of: cable.units[k].kind) != 0
        }
        text.bytes.withUnsafeBufferPointer { b in
            var k = 0
            while k < count {
                guard !DecisionEngine.isStructural(cable.units[k].kind), isScanned(k) else {
                    k += 1
                    continue
                }
                var last = k
                var e = k + 1
                while e < count {
                    if !DecisionEngine.isStructural(cable.units[e].kind) {
                        guard isScanned(e) else { break }
                        last = e
                    }
                    e += 1
                }
                let start = text.words(of: k).lowerBound
                let found = partialScanner.scan(UnsafeBufferPointer(rebasing: b[start..<(text.words(of: last).upperBound + 1)]))
                var u = k
                for m in found {
                    let lower = m.range.lowerBound + start
                    // The unit holding the match: the first whose words (or line break) reach past its start.
                    while text.words(of: u).upperBound <= lower { u += 1 }
                    unitMatches[u].append(PatternMatch(pattern: offset + m.pattern, range: lower..<(m.range.upperBound + start)))
                }
                k = e
            }
        }
    }
}
