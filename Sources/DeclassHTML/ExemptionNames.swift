/// What each FOIA exemption (5 U.S.C. § 552(b)) covers, for the page's legend.
enum ExemptionNames {
    static func describe(_ code: String) -> String {
        switch code {
        case "B1": "classified national security information (E.O. 13526)"
        case "B2": "internal personnel rules and practices of an agency"
        case "B3": "information exempted by another statute"
        case "B4": "trade secrets and confidential commercial information"
        case "B5": "privileged inter- or intra-agency communications"
        case "B6": "personal privacy (personnel, medical and similar files)"
        case "B7(A)", "B7(B)", "B7(C)", "B7(D)", "B7(E)", "B7(F)": "records compiled for law enforcement"
        case "B8": "reports about financial institutions"
        case "B9": "geological and geophysical information about wells"
        default: "excluded without a FOIA exemption"
        }
    }

    /// The CSS class of an exemption's colour: `ex-B1`, `ex-B7C`, `ex-none`.
    static func cssClass(_ code: String?) -> String {
        guard let code else { return "ex-none" }
        return "ex-" + code.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
