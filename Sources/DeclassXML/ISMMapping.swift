import DeclassKit

/// How declass's markings map onto the IC-ISM vocabulary (DESVersion 10): levels, dissemination controls,
/// non-IC markings and declassification exemptions that have an ISM token; everything else is carried in
/// declass's own attributes (documented in the XSD).
enum ISMMapping {
    /// The ISM data encoding specification version the attributes follow (`ism:DESVersion`).
    static let desVersion = "10"
    /// `ism:ownerProducer` of every cable: the United States.
    static let ownerProducer = "USA"
    /// `ism:declassException` values of CVEnumISM25X.
    static let exceptionTokens: Set<String> = ["AEA", "NATO", "NATO-AEA", "25X1", "25X1-EO-12951", "25X2", "25X3", "25X4", "25X5",
                                               "25X6", "25X7", "25X8", "25X9", "50X1-HUM", "50X2-WMD"]
    /// Country codes and tetragraphs `REL TO` lists use in cables, with their ISM (CVEnumISMRelTo) codes.
    static let relToCodes: [String: String] = ["USA": "USA", "US": "USA", "GBR": "GBR", "UK": "GBR", "CAN": "CAN", "AUS": "AUS",
                                               "NZL": "NZL", "FVEY": "FVEY", "ACGU": "ACGU", "NATO": "NATO"]
    /// ISM's longest `classifiedBy`.
    static let classifiedByLimit = 1024
    /// ISM's longest `classificationReason`.
    static let reasonLimit = 4096

    /// The ISM level of a declass level: SBU is `U` (with `ism:nonICmarkings="SBU"`); an unreadable mark is
    /// counted as the cable's banner level, or `TS` when that is unreadable too (fail closed).
    static func level(_ c: Classification, banner: Classification) -> String {
        switch c {
        case .unclassified, .sensitiveButUnclassified: "U"
        case .confidential: "C"
        case .secret: "S"
        case .topSecret: "TS"
        case .unknown: banner == .unknown ? "TS" : level(banner, banner: .unknown)
        }
    }

    /// Puts `controls` (canonical, `NOFORN`, `REL TO USA, GBR`) on `marking`: the ones with an ISM token as
    /// `ism:disseminationControls` (and `ism:releasableTo`), the others in `declass:controls`.
    static func apply(controls: [String], level: Classification, to marking: inout XMLMarking) {
        for c in controls {
            switch c {
            case "NOFORN" where level == .sensitiveButUnclassified:
                marking.nonICMarkings = ["SBU-NF"]
            case "NOFORN": add("NF", to: &marking.disseminationControls)
            case "ORCON": add("OC", to: &marking.disseminationControls)
            case "FOUO": add("FOUO", to: &marking.disseminationControls)
            case "PROPIN": add("PR", to: &marking.disseminationControls)
            case let rel where rel.hasPrefix("REL TO") || rel.hasPrefix("REL "):
                let names = rel.dropFirst(rel.hasPrefix("REL TO") ? 6 : 3)
                    .split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" }).map(String.init)
                let codes = names.compactMap { relToCodes[$0] }
                if !names.isEmpty, codes.count == names.count {
                    add("REL", to: &marking.disseminationControls)
                    for code in ["USA"] + codes { add(code, to: &marking.releasableTo) }
                } else {
                    marking.controls.append(rel)
                }
            default:
                marking.controls.append(c)
            }
        }
    }

    /// Splits declassification exemptions into ISM tokens and old ones (`X1`…`X8`, `1.6X1`, `25X1-HUMAN`).
    static func exemptions(_ codes: [String]) -> (ism: [String], old: [String]) {
        (codes.filter { exceptionTokens.contains($0) }, codes.filter { !exceptionTokens.contains($0) })
    }

    private static func add(_ token: String, to list: inout [String]) {
        if !list.contains(token) { list.append(token) }
    }
}
