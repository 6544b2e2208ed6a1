/// The text a reader of an HTML page sees: tags removed, the page's entities decoded, in two readings
/// (tags replaced by nothing, and by a space) for the leak check; and a third, the whole page with its
/// entities decoded, so that attribute values are read too.
public enum HTMLTextContent {
    /// The readings of `html` for the leak check: its text content two ways, and the decoded page. The
    /// page's own constant stylesheet and script are taken out first (`white-space` is not the signature
    /// `WHITE`).
    public static func readings(of html: String) -> [String] {
        let page = html.replacingOccurrences(of: ReviewPageAssets.style.source, with: " ")
            .replacingOccurrences(of: ReviewPageAssets.script.source, with: " ")
        return [text(of: page, tagsAs: ""), text(of: page, tagsAs: " "), text(of: page, tagsAs: nil)]
    }

    /// `html` without its tags (each replaced by `tagsAs`; with nil, tags are kept as text), entities
    /// decoded everywhere.
    public static func text(of html: String, tagsAs replacement: String?) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        var entity: String?
        for c in html.unicodeScalars {
            if inTag {
                if c == ">" { inTag = false; out += replacement ?? "" }
                continue
            }
            if var e = entity {
                if c == ";" {
                    out += decode(e)
                    entity = nil
                } else if e.count < 10, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "#" {
                    e.unicodeScalars.append(c)
                    entity = e
                } else {
                    out += "&" + e
                    entity = nil
                    if c == "<", replacement != nil { inTag = true } else if c == "&" { entity = "" } else { out.unicodeScalars.append(c) }
                }
                continue
            }
            switch c {
            case "<" where replacement != nil: inTag = true
            case "&": entity = ""
            default: out.unicodeScalars.append(c)
            }
        }
        if let e = entity { out += "&" + e }
        return out
    }

    private static func decode(_ name: String) -> String {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) { return String(Character(s)) }
            if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let s = Unicode.Scalar(v) { return String(Character(s)) }
            return "&\(name);"
        }
    }
}
