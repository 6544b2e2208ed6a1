import DeclassHTML
import Plot
import Testing

/// What Plot 0.14.0 escapes and what it does not, pinned so that an upgrade that changes it is noticed;
/// and the page's own escaping (`SafeHTML`) on top of it.
@Suite struct PlotEscapingTests {
    @Test func plotTextEscapesAngleBrackets() {
        let html = Node<Any>.element(named: "p", nodes: [.text("<script>alert(1)</script>")]).render()
        #expect(html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    }

    @Test func plotTextKeepsEntitiesAsTheyAre() {
        // `&amp;` in a cable would show as `&` and `&lt;b&gt;` as `<b>` (as text, not markup): not faithful,
        // hence SafeHTML.escape first.
        let html = Node<Any>.element(named: "p", nodes: [.text("&amp; &lt;b&gt;")]).render()
        #expect(html == "<p>&amp; &lt;b&gt;</p>")
    }

    @Test func plotWritesAttributeValuesWithoutEscaping() {
        let html = Node<Any>.element(named: "p", nodes: [.attribute(named: "title", value: "\"><img onerror=x>")]).render()
        #expect(html == "<p title=\"\"><img onerror=x>\"></p>")
    }

    @Test func safeHTMLEscapesTheFiveCharacters() {
        #expect(SafeHTML.escape(#"<a href="x">&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
    }

    @Test func safeTextThroughPlotShowsEntitiesAsWritten() {
        let html = Node<Any>.element(named: "p", nodes: [.text(SafeHTML.escape("&amp; <i> \"q\" 'a'"))]).render()
        #expect(html == "<p>&amp;amp; &lt;i&gt; &quot;q&quot; &#39;a&#39;</p>")
    }

    @Test func safeAttributeThroughPlotStaysInsideItsQuotes() {
        let html = Node<Any>.element(named: "p", nodes: [.attribute(named: "title", value: SafeHTML.escape("\"><img onerror=x>"))]).render()
        #expect(html == "<p title=\"&quot;&gt;&lt;img onerror=x&gt;\"></p>")
    }
}
