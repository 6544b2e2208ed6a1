import Foundation
import Testing
@testable import DeclassKit

/// Compares declass with heuer/cablemap (a public Python cable parser) on the 60 corpus cables cablemap
/// read: classification, DECL date, TAGS, subject, references and classified-by. Cablemap is a peer, not
/// ground truth: every disagreement is either fixed or listed, with a one-line reason, in
/// `Fixtures/cablemap-disagreements.json`. The test fails on a disagreement that is not listed and on a
/// listed one that no longer occurs, so that the list stays honest. Entries marked `"declassBug": true`
/// are declass bugs that are reported and not fixed yet: they show as known issues until they are fixed.
@Suite("Agreement with cablemap")
struct CablemapAgreementTests {
    /// What cablemap extracted from one cable (a trimmed copy of ../shared/corpus/cablemap_outputs.json).
    struct Peer: Decodable {
        struct Ref: Decodable {
            var value: String
            var bullet: String?
        }
        var classification: String
        var nondisclosure_deadline: String?
        var tags: [String]
        var subject: String?
        var references: [Ref]
        var classified_by: [String]
    }

    /// One listed disagreement.
    struct Disagreement: Codable, Hashable {
        var cable: String
        var field: String
        var declass: String
        var cablemap: String
        var reason: String
        var declassBug: Bool?
    }

    enum Field: String, CaseIterable {
        case classification, decl, tags, subject, references
        case classifiedBy = "classified_by"
    }

    /// One field of one cable as each side reads it, rendered for the list, and whether they agree.
    struct Comparison {
        var declass: String
        var cablemap: String
        var agree: Bool
    }

    static func fold(_ s: String?) -> String {
        (s ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ").uppercased()
    }

    /// cablemap's site classification (`SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`) in our terms.
    static func peerMarking(_ s: String) -> String {
        let parts = s.components(separatedBy: "//")
        let level = Classification(token: parts[0])?.abbreviation ?? "?(\(parts[0]))"
        let controls = parts.dropFirst().map { $0 == "FOR OFFICIAL USE ONLY" ? "FOUO" : $0 }.sorted()
        return ([level] + controls).joined(separator: "//")
    }

    static func compare(_ field: Field, _ cable: Cable, _ peer: Peer) -> Comparison {
        switch field {
        case .classification:
            let ours = ([cable.classification.abbreviation] + cable.controls.sorted()).joined(separator: "//")
            let theirs = peerMarking(peer.classification)
            return Comparison(declass: ours, cablemap: theirs, agree: ours == theirs)
        case .decl:
            // The date the cable's own instruction declassifies it on: a downgrade (DNG) or review (RDS) date
            // is not a DECL date, and exemptions, OADR, MR and unreadable lines have none.
            let ours = cable.declassification.declassifiesOn?.description ?? "none"
            let theirs = peer.nondisclosure_deadline ?? "none"
            return Comparison(declass: ours, cablemap: theirs, agree: ours == theirs)
        case .tags:
            let ours = Set(cable.tags), theirs = Set(peer.tags)
            return Comparison(declass: ours.sorted().joined(separator: " "), cablemap: theirs.sorted().joined(separator: " "), agree: ours == theirs)
        case .subject:
            let ours = fold(cable.subject), theirs = fold(peer.subject)
            return Comparison(declass: ours, cablemap: theirs, agree: ours == theirs)
        case .references:
            let ours = Set(cable.references.compactMap(\.cableID)), theirs = Set(peer.references.map(\.value))
            return Comparison(declass: ours.sorted().joined(separator: " "), cablemap: theirs.sorted().joined(separator: " "), agree: ours == theirs)
        case .classifiedBy:
            // Loosely: cablemap keeps the name only (`Richard E. Hoagland`), declass the whole classifier
            // (`Ambassador Richard E. Hoagland`); they agree when one contains the other, case folded.
            let ours = cable.authority?.by ?? ""
            let theirs = peer.classified_by.joined(separator: "; ")
            let o = fold(ours)
            let agree = peer.classified_by.isEmpty
                ? ours.isEmpty
                : !o.isEmpty && peer.classified_by.allSatisfy { let t = fold($0); return o.contains(t) || t.contains(o) }
            return Comparison(declass: ours.isEmpty ? "none" : ours, cablemap: theirs.isEmpty ? "none" : theirs, agree: agree)
        }
    }

    static func loadPeers() throws -> [String: Peer] {
        try JSONDecoder().decode([String: Peer].self, from: Data(contentsOf: Fixtures.url("cablemap.json")))
    }

    static func loadListed() throws -> [Disagreement] {
        try JSONDecoder().decode([Disagreement].self, from: Data(contentsOf: Fixtures.url("cablemap-disagreements.json")))
    }

    @Test func cablemapCoversSixtyCorpusCables() throws {
        let peers = try Self.loadPeers()
        #expect(peers.count == 60)
        let corpus = Set(try Fixtures.corpusFiles().map { $0.deletingPathExtension().lastPathComponent })
        #expect(Set(peers.keys).isSubset(of: corpus))
    }

    @Test func listedDisagreementsAreWellFormed() throws {
        let listed = try Self.loadListed()
        let fields = Set(Field.allCases.map(\.rawValue))
        for d in listed {
            #expect(fields.contains(d.field), "\(d.cable): unknown field '\(d.field)'")
            #expect(!d.reason.isEmpty && !d.reason.contains("\n"), "\(d.cable) \(d.field): the reason must be one line")
        }
        let keys = listed.map { "\($0.cable) \($0.field)" }
        #expect(Set(keys).count == keys.count, "a disagreement is listed twice")
    }

    @Test func everyDisagreementIsListedAndEveryListedOneOccurs() throws {
        let peers = try Self.loadPeers()
        let listed = try Self.loadListed()
        var byKey: [String: Disagreement] = [:]
        for d in listed { byKey["\(d.cable) \(d.field)"] = d }

        var agreed: [Field: Int] = [:]
        var seen = Set<String>()
        var unlisted: [Disagreement] = []
        for id in peers.keys.sorted() {
            let peer = peers[id]!
            let cable = try Fixtures.corpus(id)
            for field in Field.allCases {
                let c = Self.compare(field, cable, peer)
                if c.agree { agreed[field, default: 0] += 1; continue }
                let key = "\(id) \(field.rawValue)"
                seen.insert(key)
                guard let entry = byKey[key] else {
                    unlisted.append(Disagreement(cable: id, field: field.rawValue, declass: c.declass, cablemap: c.cablemap, reason: "?"))
                    continue
                }
                if entry.declass != c.declass || entry.cablemap != c.cablemap {
                    Issue.record("""
                        \(key): the listed disagreement changed: declass now reads '\(c.declass)' (listed '\(entry.declass)'), \
                        cablemap '\(c.cablemap)' (listed '\(entry.cablemap)'); update the entry or fix the parser
                        """)
                } else if entry.declassBug == true {
                    withKnownIssue("declass bug (reported): \(entry.reason)") {
                        Issue.record("\(key): declass '\(c.declass)', cablemap '\(c.cablemap)'")
                    }
                }
            }
        }
        for field in Field.allCases {
            print("\(field.rawValue): \(agreed[field, default: 0])/\(peers.count) agree")
        }
        for d in unlisted {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = (try? encoder.encode(d)).map { String(decoding: $0, as: UTF8.self) } ?? "\(d)"
            Issue.record("\(d.cable) \(d.field): disagreement not listed in cablemap-disagreements.json: fix it or list it: \(json)")
        }
        for d in listed where !seen.contains("\(d.cable) \(d.field)") {
            Issue.record("\(d.cable) \(d.field): listed in cablemap-disagreements.json but declass and cablemap now agree: remove the entry")
        }
    }

    @Test func siteClassificationsMapToLevelAndControls() {
        #expect(Self.peerMarking("SECRET//NOFORN") == "S//NOFORN")
        #expect(Self.peerMarking("CONFIDENTIAL") == "C")
        #expect(Self.peerMarking("UNCLASSIFIED//FOR OFFICIAL USE ONLY") == "U//FOUO")
        #expect(Self.peerMarking("TOP SECRET") == "TS")
    }
}
