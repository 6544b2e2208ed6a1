/// The key the leak checker's n-gram filter (`LeakChecker`'s `filter`) is asked with: the XOR of the
/// n-gram's word hashes (`WordHash.finish`ed), the word `j` places before its last rotated by `11 · j`
/// bits (0 to 55: six distinct turns). Unlike the chained `WordHash.extend` key that identifies an n-gram
/// (a multiply per word), a secret's keys roll: the next n-gram's key is the last one turned, its first
/// word's term taken out and its new last word's put in, a few instructions an n-gram instead of six
/// hash steps. The key only decides what the filter lets through: an n-gram it lets through is then
/// hashed by `WordHash.extend` and looked up by that hash, so which n-grams are found does not depend on it.
enum GramFilterKey {
    /// The bits a word's term turns for each place it stands before the last word.
    private static var turn: UInt64 { 11 }

    /// The key of the run one word longer than the run of `key`, `word` its new last word: every word
    /// already in moves one place back.
    @inline(__always) static func appending(_ key: UInt64, _ word: UInt64) -> UInt64 {
        (key << turn | key >> (64 - turn)) ^ word
    }

    /// The term of `word` in the key of a run where it stands `back` places before the last word
    /// (XOR it in to add the word, out to drop it).
    @inline(__always) static func term(_ word: UInt64, back: Int) -> UInt64 {
        let r = UInt64(truncatingIfNeeded: back) &* turn & 63
        return word &<< r | word &>> ((64 &- r) & 63)
    }
}
