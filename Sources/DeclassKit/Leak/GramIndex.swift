/// An open-addressing hash table from n-gram hashes to the secrets that hold them, with the n-grams the
/// policy released marked as exempt. Keys are already well mixed, so the slot is the key's low bits; linear
/// probing; kept at most half full.
struct GramIndex: Sendable {
    /// One secret's n-gram: which secret, and at which of its words the n-gram starts.
    struct Posting: Sendable {
        var secret: Int32
        var start: Int32
        /// The next posting under the same key, or -1.
        var next: Int32
    }

    private var keys: [UInt64]
    /// Index of the first posting under each key; -1 for an empty slot, -2 for an exempt key.
    private var heads: [Int32]
    private var mask: Int
    private(set) var postings: [Posting] = []
    private(set) var count = 0

    static let empty: Int32 = -1
    static let exempt: Int32 = -2

    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        heads = Array(repeating: GramIndex.empty, count: capacity)
        mask = capacity - 1
    }

    /// The slot holding `key`, or nil.
    @inline(__always) func slot(of key: UInt64) -> Int? {
        var s = Int(truncatingIfNeeded: key) & mask
        while true {
            let h = heads[s]
            if h == GramIndex.empty { return nil }
            if keys[s] == key { return s }
            s = (s + 1) & mask
        }
    }

    /// The first posting in `slot`, or a negative value when the key is exempt.
    @inline(__always) func head(_ slot: Int) -> Int32 { heads[slot] }

    /// Records that `secret` holds the n-gram `key` starting at its word `start` (once per secret and key).
    mutating func add(_ key: UInt64, secret: Int, start: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        var s = Int(truncatingIfNeeded: key) & mask
        while heads[s] != GramIndex.empty, keys[s] != key { s = (s + 1) & mask }
        let h = heads[s]
        if h == GramIndex.empty {
            keys[s] = key
            count += 1
        } else if h >= 0, postings[Int(h)].secret == Int32(secret) {
            return
        }
        postings.append(Posting(secret: Int32(secret), start: Int32(start), next: h >= 0 ? h : -1))
        heads[s] = Int32(postings.count - 1)
    }

    /// Marks `key` as released by the policy: a hit on it is not a leak.
    mutating func exempt(_ key: UInt64) {
        if let s = slot(of: key) { heads[s] = GramIndex.exempt }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldHeads = heads
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        heads = Array(repeating: GramIndex.empty, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (k, h) in zip(oldKeys, oldHeads) where h != GramIndex.empty {
            var s = Int(truncatingIfNeeded: k) & mask
            while heads[s] != GramIndex.empty { s = (s + 1) & mask }
            keys[s] = k
            heads[s] = h
        }
    }
}
