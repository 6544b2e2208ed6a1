import Plot

/// The context of the review page's Plot nodes.
public enum ReviewPageContext {}

/// A node of the review page.
typealias PageNode = Node<ReviewPageContext>

/// Escaping for text that goes into the page, on top of Plot's.
///
/// Plot 0.14.0's `.text()` escapes `<` and `>`, but keeps `&…;` sequences as they are (so a cable's
/// `&lt;script&gt;` would show as `<script>`, and `&amp;` as `&`), and it writes attribute values
/// without any escaping (a `"` ends the attribute). Every string that reaches the page goes through
/// `escape` first: what is left for Plot holds no `<`, `>` or `"`, and every `&` begins an entity that
/// Plot keeps, so the page shows the text exactly as written. (Tests pin both behaviours of Plot.)
public enum SafeHTML {
    /// `&`, `<`, `>`, `"` and `'` as entities.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// Builders of the page's nodes: every text and attribute value escaped; raw text only for the page's
/// own constant stylesheet and script.
enum H {
    /// `<name attributes…>children</name>`.
    static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [PageNode] = []) -> PageNode {
        .element(named: name, nodes: attributes.map { attr($0.0, $0.1) } + children)
    }

    /// An element without content or closing tag (`<meta …/>`).
    static func void(_ name: String, _ attributes: [(String, String)]) -> PageNode {
        .selfClosedElement(named: name, attributes: attributes.map { Attribute<ReviewPageContext>(name: $0.0, value: SafeHTML.escape($0.1)) })
    }

    /// An attribute, its value escaped.
    static func attr(_ name: String, _ value: String) -> PageNode {
        .attribute(named: name, value: SafeHTML.escape(value))
    }

    /// Text, escaped: the only way cable text enters the page.
    static func text(_ text: String) -> PageNode { .text(SafeHTML.escape(text)) }

    /// The page's own constant CSS or JavaScript: never cable or policy text.
    static func constant(_ code: ReviewPageAssets.Code) -> PageNode { .raw(code.source) }
}
