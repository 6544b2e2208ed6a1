import Testing
@testable import DeclassKit

/// The banner the layout keeps from finding the banner line is what reading that line gives (`CableFields`
/// uses it instead of reading the line again).
@Suite("Banner kept by the layout")
struct KeptBannerTests {
    @Test func isTheBannerOfItsLine() throws {
        var found = 0
        for url in try Fixtures.corpusFiles() {
            let bytes = try Fixtures.bytes("corpus/" + url.lastPathComponent)
            try bytes.withUnsafeBufferPointer { b in
                let t = ByteText(b)
                var layout = CableLayout(t: t)
                layout.run()
                guard let line = layout.bannerLine else {
                    #expect(layout.banner == nil)
                    return
                }
                let l = layout.lines[line]
                let read = BannerReader.read(t, l.lo, l.hi) ?? BannerReader.readUnreadableLevel(t, l.lo, l.hi)
                let kept = try #require(layout.banner)
                #expect(kept.classification == read?.classification && kept.controls == read?.controls && kept.section == read?.section
                        && kept.sectionCount == read?.sectionCount && kept.origin == read?.origin && kept.serial == read?.serial, "\(url.lastPathComponent)")
                found += 1
            }
        }
        #expect(found > 40)
    }
}
