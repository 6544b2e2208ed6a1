import DeclassKit
import Foundation
import Testing

/// release-all as of 1900-01-01 (before every declassification date, so banners stay as written): once the
/// stamp is removed, the release text is the input byte for byte.
@Suite struct RoundTripTests {
    @Test func releaseAllBeforeEveryDeclassificationGivesBackEveryInputByteForByteAfterTheStamp() throws {
        let engine = try Fixture.engine("release-all")
        let files = try Fixture.corpusFiles() + Fixture.seedFiles
        #expect(files.count == 63)
        var same = 0
        for file in files {
            let input = try Fixture.bytes(file)
            let cable = try CableParser.parse(input, name: (file as NSString).lastPathComponent)
            let r = Release(cable: cable, engine: engine, asOf: day("1900-01-01"), options: goldenOptions)
            #expect(r.leaks.isEmpty, "\(file): \(r.leaks)")
            #expect(r.review.stampLine == "RELEASE IN FULL", "\(file): \(r.review.stampLine)")
            #expect(r.text.bytes.starts(with: Array(r.text.stamp.text.utf8)), "\(file): the release does not start with its stamp")
            let body = r.bodyBytes
            if body == input {
                same += 1
            } else {
                let at = zip(body, input).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(body.count, input.count)
                let line = input[..<min(at, input.count)].filter { $0 == 0x0A }.count + 1
                Issue.record("\(file): the release differs from the input at byte \(at) (line \(line)); \(body.count) vs \(input.count) bytes")
            }
        }
        print("round trip: \(same) of \(files.count) releases equal their input after the stamp")
        #expect(same == files.count)
    }
}
