/// The review page's own stylesheet and script: constants of this file, inlined in the page and allowed
/// by their hashes in its Content-Security-Policy.
public enum ReviewPageAssets {
    /// A piece of the page's own code (never cable or policy text).
    public struct Code: Sendable {
        public let source: String
    }

    /// Exemption colours (light backgrounds, dark borders), the two sides side by side (stacked in a
    /// narrow window), tooltips on hover and focus, and a print stylesheet (white background, colours kept,
    /// each part followed by its rule in parentheses; the legend on top gives the rules' reasons).
    public static let style = Code(source: """
        :root{color-scheme:light;--b1:#f8d0d0;--b1e:#a30000;--b2:#d6e4f5;--b2e:#1d4f91;--b3:#e6d8f2;--b3e:#5b2a86;\
        --b5:#d8f0dc;--b5e:#1f6b32;--b6:#fde3c3;--b6e:#9a4a00;--b7:#f5d7ea;--b7e:#8a1c5c;--bx:#e4e4e4;--bxe:#333}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;background:#fafafa}
        .top{padding:12px 20px;background:#fff;border-bottom:1px solid #ccc}
        h1{font-size:20px;margin:0 0 6px}h2{font-size:16px;margin:10px 0 4px}
        .banner{margin:8px 0;padding:8px 12px;border-radius:4px;font-weight:600}
        .banner.hidden-words{background:#e8f1fb;border:1px solid #1d4f91;color:#0d2c55}
        .banner.unredacted{background:#fde8e8;border:2px solid #a30000;color:#6b0000}
        .summary{display:flex;flex-wrap:wrap;gap:8px 28px;align-items:flex-start}
        .stamp{margin:0;padding:8px 10px;background:#f3f3f3;border:1px solid #bbb;font:13px/1.35 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0;max-width:60ch}
        dl.facts dt{font-weight:600}dl.facts dd{margin:0}
        table{border-collapse:collapse;font-size:14px}th,td{border:1px solid #bbb;padding:2px 8px;text-align:left}
        th{background:#eee}
        .overlaps,.warnings,.changes{margin:6px 0;padding-left:20px}
        .overlap,.warning{color:#7a4b00}
        .legend ul{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 18px}
        .legend li{max-width:70ch}
        .swatch{display:inline-block;width:1.1em;height:1.1em;vertical-align:-.2em;margin-right:4px;border:2px solid}
        .keys{font-size:13px;color:#444;margin:6px 0 0}
        kbd{border:1px solid #999;border-bottom-width:2px;border-radius:3px;padding:0 4px;font-size:12px;background:#fff}
        .main{padding:0 20px 40px}
        .cols,.unit{display:grid;grid-template-columns:1fr 1fr;gap:0 16px}
        .cols{position:sticky;top:0;background:#fafafa;border-bottom:1px solid #ccc;z-index:2}
        .side{min-width:0}
        .side pre{margin:0;padding:0 6px;font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
        .unit.changed .side{background:#fffbea}
        .unit .side.rel{border-left:1px solid #ddd}
        .side-name{display:none;font-size:11px;text-transform:uppercase;color:#666}
        .hl{position:relative;border:1px solid;border-radius:2px;padding:0 1px}
        .redaction:focus{outline:3px solid #111;outline-offset:1px}
        .ex-B1{background:var(--b1);border-color:var(--b1e)}.ex-B2{background:var(--b2);border-color:var(--b2e)}
        .ex-B3,.ex-B4{background:var(--b3);border-color:var(--b3e)}.ex-B5{background:var(--b5);border-color:var(--b5e)}
        .ex-B6{background:var(--b6);border-color:var(--b6e)}
        .ex-B7A,.ex-B7B,.ex-B7C,.ex-B7D,.ex-B7E,.ex-B7F,.ex-B7{background:var(--b7);border-color:var(--b7e)}
        .ex-B8,.ex-B9,.ex-none{background:var(--bx);border-color:var(--bxe)}
        .hl.hidden{font-style:italic}
        .tip{display:none;position:absolute;left:0;top:100%;z-index:5;min-width:24ch;max-width:60ch;padding:6px 8px;background:#111;color:#fff;\
        font:12px/1.35 system-ui,sans-serif;white-space:normal;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.3)}
        .hl:hover>.tip,.hl:focus>.tip{display:block}
        @media (max-width:800px){
        .cols{display:none}.unit{grid-template-columns:1fr;border-bottom:1px solid #ccc;padding:4px 0}
        .unit .side.rel{border-left:0;border-top:1px dashed #ccc}.unit.changed .side-name{display:block}
        .top,.main{padding-left:8px;padding-right:8px}.summary{display:block}
        }
        @media print{
        body{background:#fff;font-size:11pt}.keys{display:none}.cols{position:static}
        .banner,.unit.changed .side{background:none}
        .hl{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        .hl:hover>.tip,.hl:focus>.tip,.tip{display:none}
        .hl::after{content:" (" attr(data-rule) ")";font:italic 8pt system-ui,sans-serif;color:#333}
        }
        """)

    /// `n` and `p` move the focus to the next and the previous redaction, in document order.
    public static let script = Code(source: """
        (function () {
          "use strict";
          var marks = Array.prototype.slice.call(document.querySelectorAll(".redaction"));
          var where = document.getElementById("position");
          function go(step) {
            if (marks.length === 0) { return; }
            var at = marks.indexOf(document.activeElement);
            var next = at === -1 ? (step > 0 ? 0 : marks.length - 1) : Math.min(Math.max(at + step, 0), marks.length - 1);
            marks[next].focus();
            marks[next].scrollIntoView({ block: "center" });
            if (where) { where.textContent = "redaction " + (next + 1) + " of " + marks.length; }
          }
          document.addEventListener("keydown", function (event) {
            if (event.altKey || event.ctrlKey || event.metaKey) { return; }
            if (event.key === "n") { go(1); event.preventDefault(); }
            else if (event.key === "p") { go(-1); event.preventDefault(); }
          });
        })();
        """)
}
