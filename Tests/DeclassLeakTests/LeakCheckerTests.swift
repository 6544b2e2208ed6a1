import DeclassKit
import Testing

/// The leak checker on crafted outputs: what it must find, what it must let through, and what it reports.
@Suite struct LeakCheckerTests {
    /// A withheld paragraph (21 words) of 09ASTANA435 ¶4.
    static let paragraph = "Zhigalov said Kazakhstan hopes to finalize an agreement with NATO on NATO transit of "
        + "supplies to Afghanistan before the Security Forum."
    static let secret = LeakSecret(text: paragraph, unit: "¶4", rule: "classified-not-declassified")
    static let released = "¶3. (U) The Ambassador handed Zhigalov a copy of the Secretary's response.\n\n"

    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func aWithheldParagraphCopiedWholeIsFoundWithItsUnitRuleAndExactOffset() {
        let prefix = "UNCLASSIFIED\n\n" + Self.released + "¶5. (U) "
        let leaks = LeakChecker(secrets: [Self.secret], released: [Self.released]).check(bytes(prefix + Self.paragraph + "\n"))
        #expect(leaks == [Leak(unit: "¶4", rule: "classified-not-declassified", words: 21, offset: prefix.utf8.count)])
    }

    @Test func theParagraphWithChangedCaseAndLineBreaksInsideIsFound() {
        let mangled = "ZHIGALOV SAID kazakhstan Hopes to\nfinalize an   agreement with\r\nNATO on NATO\ttransit of\n\n"
            + "SUPPLIES TO AFGHANISTAN before the security forum"
        let prefix = "text before "
        let leaks = LeakChecker(secrets: [Self.secret], released: []).check(bytes(prefix + mangled))
        #expect(leaks == [Leak(unit: "¶4", rule: "classified-not-declassified", words: 21, offset: prefix.utf8.count)])
    }

    @Test func aSixWordSentenceOfTheParagraphIsFound() {
        let prefix = "¶2. (U) The Ambassador said that "
        let output = prefix + "transit of supplies to Afghanistan before, he said, was welcome."
        let leaks = LeakChecker(secrets: [Self.secret], released: []).check(bytes(output))
        #expect(leaks == [Leak(unit: "¶4", rule: "classified-not-declassified", words: 6, offset: prefix.utf8.count)])
    }

    @Test func fiveConsecutiveWordsOfALongSecretAreNotAHit() {
        let output = "¶2. (U) The Ambassador spoke of supplies to Afghanistan before lunch."
        #expect(LeakChecker(secrets: [Self.secret], released: []).check(bytes(output)).isEmpty)
    }

    @Test func aRedactedShortSpanIsFoundAcrossCaseAndALineBreak() {
        let span = LeakSecret(text: "married to an ethnic Kazakh", unit: "¶12", rule: "personal-marriage")
        let prefix = "¶12. (U) He is "
        let leaks = LeakChecker(secrets: [span], released: []).check(bytes(prefix + "Married to an\nETHNIC Kazakh, and"))
        #expect(leaks == [Leak(unit: "¶12", rule: "personal-marriage", words: 5, offset: prefix.utf8.count)])
    }

    @Test func aRedactedAgeIsFoundAsItsThreeWords() {
        let span = LeakSecret(text: "49-year-old", unit: "¶12", rule: "personal-ages")
        let prefix = "¶12. (U) The [REDACTED B6] minister, a "
        let leaks = LeakChecker(secrets: [span], released: []).check(bytes(prefix + "49-year-old economist"))
        #expect(leaks == [Leak(unit: "¶12", rule: "personal-ages", words: 3, offset: prefix.utf8.count)])
    }

    @Test func aShortSecretIsNotFoundInsideALongerWord() {
        let span = LeakSecret(text: "Kazakh", unit: "¶12", rule: "personal-marriage")
        let output = "KAZAKHSTAN: Kazakhstan and the Kazakhstanis welcome a POTUS visit."
        #expect(LeakChecker(secrets: [span], released: []).check(bytes(output)).isEmpty)
    }

    @Test func aShortSecretIsNotFoundAsTheStartOfALongerSequence() {
        let span = LeakSecret(text: "ethnic Kazakh", unit: "¶12", rule: "personal-marriage")
        #expect(LeakChecker(secrets: [span], released: []).check(bytes("the ethnic Kazakhstani vote")).isEmpty)
    }

    @Test func aRepeatThatStandsInTheReleasedTextsIsNotALeak() {
        // ¶1 (released) repeats 8 words of the withheld ¶4: the engine reports it as an overlap.
        let released = "¶1. (U) SUMMARY: He said the NATO transit of supplies to Afghanistan before the Forum matters."
        let leaks = LeakChecker(secrets: [Self.secret], released: [released]).check(bytes("UNCLASSIFIED\n\n" + released + "\n"))
        #expect(leaks.isEmpty)
    }

    @Test func aShortSecretThatStandsInTheReleasedTextsIsNotALeak() {
        let span = LeakSecret(text: "ethnic Kazakh", unit: "¶12", rule: "personal-marriage")
        let released = "¶9. (U) Each ethnic Kazakh may vote."
        #expect(LeakChecker(secrets: [span], released: [released]).check(bytes(released)).isEmpty)
    }

    @Test func wordsBeyondTheReleasedRepeatAreStillALeak() {
        let released = "¶1. (U) the NATO transit of supplies to Afghanistan before the Forum."
        let prefix = "¶1. (U) the NATO "
        let output = prefix + "transit of supplies to Afghanistan before the Security Forum."
        let leaks = LeakChecker(secrets: [Self.secret], released: [released]).check(bytes(output))
        // The shingles up to "of supplies to Afghanistan before the" are released; "supplies … the Security" is not.
        #expect(leaks == [Leak(unit: "¶4", rule: "classified-not-declassified", words: 7,
                               offset: (prefix + "transit of ").utf8.count)])
    }

    @Test func aSingleWordSecretShorterThanFourCharactersIsSkippedAndListed() {
        // `B1` stands in every marker and stamp: it is not looked for, and the caller is told so.
        let token = LeakSecret(text: "B1", unit: "header@3", rule: "routing")
        let checker = LeakChecker(secrets: [token], released: [])
        #expect(checker.check(bytes("¶4. (C) [WITHHELD B1 1.4(B), 1.4(D)]\n")).isEmpty)
        #expect(checker.skipped == [SkippedSecret(unit: "header@3", rule: "routing", reason: .tooShort(characters: 2))])
    }

    @Test func aSingleWordSecretOfFourCharactersIsChecked() {
        let token = LeakSecret(text: "ISAF", unit: "¶4", rule: "terms")
        let checker = LeakChecker(secrets: [token], released: [])
        #expect(checker.skipped.isEmpty)
        #expect(checker.check(bytes("officers to isaf headquarters")) == [Leak(unit: "¶4", rule: "terms", words: 1, offset: 12)])
    }

    @Test func aSecretWithNoWordsIsSkippedAsHavingNone() {
        let checker = LeakChecker(secrets: [LeakSecret(text: " -- ... ", unit: "¶7", rule: nil)], released: [])
        #expect(checker.check(bytes(" -- ... ")).isEmpty)
        #expect(checker.skipped == [SkippedSecret(unit: "¶7", rule: nil, reason: .noWords)])
    }

    @Test func aCleanOutputHasNoLeak() {
        let output = "UNCLASSIFIED\nRELEASE IN PART B1, 1.4(B), 1.4(D), B6\n\n" + Self.released
            + "¶4. (C) [WITHHELD B1 1.4(B), 1.4(D)]\n\n¶12. (U) He is [REDACTED B6].\n"
        let secrets = [Self.secret, LeakSecret(text: "married to an ethnic Kazakh", unit: "¶12", rule: "personal-marriage")]
        #expect(LeakChecker(secrets: secrets, released: [Self.released]).check(bytes(output)).isEmpty)
    }

    @Test func anEmptyOutputHasNoLeak() {
        #expect(LeakChecker(secrets: [Self.secret], released: []).check([]).isEmpty)
    }

    @Test func aSecretFoundTwiceIsReportedOnceAtItsFirstHit() {
        let output = "a " + Self.paragraph + " b " + Self.paragraph
        let leaks = LeakChecker(secrets: [Self.secret], released: []).check(bytes(output))
        #expect(leaks == [Leak(unit: "¶4", rule: "classified-not-declassified", words: 21, offset: 2)])
    }

    @Test func theFirstHitIsTheEarliestEvenWhenALaterPartOfTheSecretComesFirst() {
        let output = "x security forum. and zhigalov said kazakhstan hopes to finalize an agreement"
        let leaks = LeakChecker(secrets: [Self.secret], released: []).check(bytes(output))
        #expect(leaks.map(\.offset) == [(("x security forum. and ") as String).utf8.count])
        #expect(leaks.map(\.words) == [8])
    }

    @Test func leaksOfSeveralSecretsComeInTheOrderOfTheirOffsets() {
        let age = LeakSecret(text: "49-year-old", unit: "¶12", rule: "personal-ages")
        let output = "a 49-year-old said: " + Self.paragraph
        let leaks = LeakChecker(secrets: [Self.secret, age], released: []).check(bytes(output))
        #expect(leaks.map(\.unit) == ["¶12", "¶4"])
        #expect(leaks.map(\.offset) == [2, 20])
    }

    @Test func twoSecretsWithTheSameTextAreEachReported() {
        let a = LeakSecret(text: "married to an ethnic Kazakh", unit: "¶3", rule: "personal-marriage")
        let b = LeakSecret(text: "married to an ethnic Kazakh", unit: "¶12", rule: "personal-marriage")
        let leaks = LeakChecker(secrets: [a, b], released: []).check(bytes("he is married to an ethnic Kazakh"))
        #expect(leaks.map(\.unit) == ["¶3", "¶12"])
    }

    @Test func punctuationBetweenWordsDoesNotHideAShortSecret() {
        let span = LeakSecret(text: "married to an ethnic Kazakh", unit: "¶12", rule: "personal-marriage")
        let leaks = LeakChecker(secrets: [span], released: []).check(bytes("(married) to -- an \"ethnic\" Kazakh."))
        #expect(leaks.map(\.offset) == [1])
    }

    @Test func nonASCIIWordsAreFoldedThroughLowercasing() {
        let span = LeakSecret(text: "Жигалов сказал", unit: "¶4", rule: nil)
        let leaks = LeakChecker(secrets: [span], released: []).check(bytes("Он: ЖИГАЛОВ СКАЗАЛ."))
        #expect(leaks == [Leak(unit: "¶4", rule: nil, words: 2, offset: "Он: ".utf8.count)])
    }

    @Test func nonASCIIPunctuationSeparatesWords() {
        let span = LeakSecret(text: "Zhigalov's remarks", unit: "¶4", rule: nil)
        let leaks = LeakChecker(secrets: [span], released: []).check(bytes("“Zhigalov’s remarks”\u{00A0}were noted"))
        #expect(leaks == [Leak(unit: "¶4", rule: nil, words: 3, offset: "“".utf8.count)])
    }

    @Test func invalidUTF8InTheOutputDoesNotStopTheCheck() {
        let prefix: [UInt8] = [0xFF, 0x20, 0xC3, 0x28, 0x20, 0xE2, 0x82, 0x20]
        let leaks = LeakChecker(secrets: [Self.secret], released: []).check(prefix + bytes(String(Self.paragraph.dropLast())) + [0xFE])
        #expect(leaks.map(\.offset) == [prefix.count])
        #expect(leaks.map(\.words) == [20])  // "Forum" glued to the invalid byte 0xFE is another word
    }

    @Test func invalidBytesGluedToAWordMakeItAnotherWord() {
        let span = LeakSecret(text: "Kazakh", unit: "¶12", rule: nil)
        #expect(LeakChecker(secrets: [span], released: []).check(bytes("Kazakh") + [0xFF]).isEmpty)
    }

    @Test func aLeakDescribesUnitRuleOffsetAndWordsButNeverTheText() {
        let leak = Leak(unit: "¶4", rule: "classified-not-declassified", words: 7, offset: 1234)
        #expect(leak.description == "withheld text of ¶4 (rule classified-not-declassified) appears in the output at byte 1234 (7 words)")
        #expect(Leak(unit: "subject", rule: nil, words: 1, offset: 0).description
            == "withheld text of subject appears in the output at byte 0 (1 word)")
    }

    @Test func verifyThrowsALeakErrorNamingTheOutputAndEveryLeakButNoText() throws {
        let checker = LeakChecker(secrets: [Self.secret], released: [])
        #expect(throws: Never.self) { try checker.verify(bytes("clean"), name: "out.txt") }
        do {
            try checker.verify(bytes(Self.paragraph), name: "out.txt")
            Issue.record("no error thrown")
        } catch {
            #expect(error == .leaked(output: "out.txt", leaks: [Leak(unit: "¶4", rule: "classified-not-declassified", words: 21, offset: 0)]))
            #expect(error.description.hasPrefix("out.txt: nothing written: 1 withheld text would appear in it:\n  withheld text of ¶4"))
            #expect(!error.description.contains("Zhigalov"))
        }
    }

    @Test func aSkippedSecretDescribesWhyWithoutItsText() {
        let s = SkippedSecret(unit: "¶12", rule: "personal-ages", reason: .tooShort(characters: 2))
        #expect(s.description.hasPrefix("withheld text of ¶12 (rule personal-ages) is a single word of 2 characters: too common to check"))
    }
}
