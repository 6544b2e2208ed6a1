/// The text a reader of an HTML page sees: tags removed, the page's entities decoded, in two readings
/// (tags replaced by nothing, and by a space) for the leak check.
public enum HTMLTextContent {
    /// The two readings of `html`'s text content.
    public static func readings(of html: String) -> [String] {
        [text(of: html, tagsAs: ""), text(of: html, tagsAs: " ")]
    }

    /// `html` without its tags (each replaced by `tagsAs`), entities decoded.
    public static func text(of html: String, tagsAs replacement: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        var entity: String?
        for c in html.unicodeScalars {
            if inTag {
                if c == ">" { inTag = false; out += replacement }
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
                    if c == "<" { inTag = true } else if c == "&" { entity = "" } else { out.unicodeScalars.append(c) }
                }
                continue
            }
            switch c {
            case "<": inTag = true
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
