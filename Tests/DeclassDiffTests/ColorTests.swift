import DeclassKit
import Testing

/// Colour in a terminal: `--color always|never|auto`, `NO_COLOR`, and plain text when piped.
@Suite struct ColorTests {
    @Test func autoColoursATerminal() {
        #expect(DiffStyle.wantsColor(.auto, isTerminal: true, environment: [:]))
    }

    @Test func autoDoesNotColourAPipe() {
        #expect(!DiffStyle.wantsColor(.auto, isTerminal: false, environment: [:]))
    }

    @Test func autoHonoursNoColor() {
        #expect(!DiffStyle.wantsColor(.auto, isTerminal: true, environment: ["NO_COLOR": "1"]))
    }

    @Test func emptyNoColorDoesNotCount() {
        #expect(DiffStyle.wantsColor(.auto, isTerminal: true, environment: ["NO_COLOR": ""]))
    }

    @Test func autoDoesNotColourADumbTerminal() {
        #expect(!DiffStyle.wantsColor(.auto, isTerminal: true, environment: ["TERM": "dumb"]))
    }

    @Test func alwaysOverridesNoColorAndPipes() {
        #expect(DiffStyle.wantsColor(.always, isTerminal: false, environment: ["NO_COLOR": "1"]))
    }

    @Test func neverNeverColours() {
        #expect(!DiffStyle.wantsColor(.never, isTerminal: true, environment: [:]))
    }

    @Test func colouredTextIsThePlainTextWithEscapes() throws {
        let diff = try Fixture.diff(try Fixture.seed("09ASTANA435"), "foia-release", "2029-03-13")
        let coloured = diff.text(style: DiffStyle(color: true))
        #expect(coloured.contains("\u{1B}[36m@@ "))
        #expect(coloured.contains("\u{1B}[1;33;7m[REDACTED B6]\u{1B}[0m"))
        #expect(DiffLeakCheck.stripANSI(coloured, with: "") == diff.text())
        #expect(!diff.text().contains("\u{1B}"))
    }

    @Test func cliPipedOutputHasNoColour() throws {
        let r = try Fixture.run(["diff", Fixture.path("seeds/09ASTANA435.txt"), "--policy", Fixture.path("policies/foia-release.yaml"), "--as-of", "2029-03-13"])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("--- 09ASTANA435 ("))
        #expect(!r.out.contains("\u{1B}["))
    }

    @Test func cliColorAlwaysColoursEvenWithNoColor() throws {
        let r = try Fixture.run(["diff", Fixture.path("seeds/09ASTANA435.txt"), "--policy", Fixture.path("policies/foia-release.yaml"),
                                 "--as-of", "2029-03-13", "--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("\u{1B}[1m--- 09ASTANA435 ("))
    }

    @Test func cliColorNeverIsPlain() throws {
        let r = try Fixture.run(["diff", Fixture.path("seeds/09ASTANA435.txt"), "--policy", Fixture.path("policies/foia-release.yaml"),
                                 "--as-of", "2029-03-13", "--color", "never"])
        #expect(r.status == 0)
        #expect(!r.out.contains("\u{1B}["))
    }

    @Test func cliRejectsAnUnknownColorMode() throws {
        let r = try Fixture.run(["diff", Fixture.path("seeds/09ASTANA435.txt"), "--policy", Fixture.path("policies/foia-release.yaml"), "--color", "sometimes"])
        #expect(r.status == 2)
    }
}
