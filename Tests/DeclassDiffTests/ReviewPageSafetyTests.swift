import DeclassHTML
import DeclassKit
import Foundation
import Testing

/// The review page of a cable full of markup (`<script>`, `"><img onerror=…>`, `</textarea>`, entities):
/// all of it shown as text, the page's one script the only one, allowed by its hash.
@Suite struct ReviewPageSafetyTests {
    static func xssPage(showOriginal: Bool = true) throws -> String {
        try Fixture.page(try Fixture.cable("cables/xss.txt"), "foia-release", "2029-03-13", showOriginal: showOriginal)
    }

    @Test func scriptTagInCableTextIsEscaped() throws {
        let html = try Self.xssPage()
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func attributeBreakoutInCableTextIsEscaped() throws {
        let html = try Self.xssPage()
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!html.contains("<img"))
    }

    @Test func closingTextareaInCableTextIsEscaped() throws {
        let html = try Self.xssPage()
        #expect(html.contains("&lt;/textarea&gt;&lt;b&gt;bold&lt;/b&gt;"))
        #expect(!html.lowercased().contains("</textarea"))
        #expect(!html.contains("<b>"))
    }

    @Test func entitiesInCableTextAreShownAsWritten() throws {
        let html = try Self.xssPage()
        #expect(html.contains("&amp;amp; &amp;lt;i&amp;gt;"))
        let text = HTMLTextContent.text(of: html, tagsAs: "")
        #expect(text.contains("\"><img src=x onerror=alert(2)> and </textarea><b>bold</b> and &amp; &lt;i&gt; as written."))
    }

    @Test func thePageHoldsOneScriptElementOnly() throws {
        let html = try Self.xssPage()
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.components(separatedBy: "</script>").count == 2)
    }

    @Test func contentSecurityPolicyAllowsNothingFromOutsideAndTheScriptByItsHash() throws {
        let html = try Self.xssPage()
        let script = ReviewPageAssets.script.source
        #expect(html.contains("<script>\(script)</script>"))
        #expect(html.contains("<style>\(ReviewPageAssets.style.source)</style>"))
        let csp = ContentSecurityPolicy(style: ReviewPageAssets.style.source, script: script).text
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(SafeHTML.escape(csp))\"/>"))
        #expect(csp.hasPrefix("default-src 'none'; style-src 'sha256-"))
        #expect(csp.contains("script-src '\(ContentSecurityPolicy.hash(script))'"))
        #expect(!csp.contains("unsafe"))
    }

    @Test func scriptHashIsTheBase64OfSHA256() {
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        #expect(ContentSecurityPolicy.hash("alert(1)") == "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=")
    }

    @Test func thePageLoadsNothingFromOutside() throws {
        let html = try Self.xssPage()
        let tags = html.split(separator: "<").compactMap { $0.split(separator: ">", maxSplits: 1).first }.filter { $0.first?.isLetter == true }
        #expect(!tags.isEmpty)
        for tag in tags {
            #expect(!tag.contains(" src=") && !tag.contains(" href=") && !tag.contains(" action="), "a tag loads something: <\(tag)>")
        }
        #expect(!ReviewPageAssets.style.source.contains("url("))
        #expect(!ReviewPageAssets.style.source.contains("@import"))
        #expect(!ReviewPageAssets.script.source.contains("fetch"))
    }
}

/// The page's text as the leak check reads it.
@Suite struct HTMLTextContentTests {
    @Test func textContentDropsTagsAndDecodesEntities() {
        #expect(HTMLTextContent.text(of: "<p title=\"a&quot;b\">x &lt;y&gt; &amp;amp;</p>z", tagsAs: "") == "x <y> &amp;z")
        #expect(HTMLTextContent.text(of: "<p>x</p>z", tagsAs: " ") == " x z")
    }

    @Test func decodedPageKeepsTagsAndAttributeValues() {
        #expect(HTMLTextContent.text(of: "<p title=\"a&quot;b\">x &lt;y&gt;</p>", tagsAs: nil) == "<p title=\"a\"b\">x <y></p>")
    }

    @Test func leakInAnAttributeIsFound() throws {
        let cable = try Fixture.seed("09ASTANA435")
        let release = try Fixture.release(cable, "foia-release", "2029-03-13")
        let page = "<p data-x=\"he is married to an ethnic Kazakh\">nothing</p>"
        #expect(DiffLeakCheck.leaks(in: HTMLTextContent.readings(of: page), checkers: [release.checker]).map(\.unit) == ["¶12"])
    }
}
