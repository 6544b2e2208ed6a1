/// An open-addressing hash table from n-gram hashes to the secrets that hold them. The slot is the key's top bits (the keys come out of a multiply);
/// linear probing; at most half full.
struct GramIndex: Sendable {
    /// One secret's n-gram: which secret, and at which of its words the n-gram starts.
    struct Posting: Sendable {
        var secret: Int32
        var start: Int32
        /// The next posting under the same key, or -1.
        var next: Int32
    }

    private struct Slot: Sendable {
        /// 0 for an empty slot (keys are stored with their lowest bit set).
        var key: UInt64
        /// Index of the first posting.
        var head: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    private(set) var postings: [Posting] = []
    private(set) var count = 0

    /// A table sized for `expected` keys.
    init(expected: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < expected * 2 { bits += 1 }
        slots = Array(repeating: Slot(key: 0, head: -1), count: 1 << bits)
        shift = 64 - bits
        postings.reserveCapacity(expected)
    }

    /// The slot holding `key`, or nil.
    @inline(__always) func slot(of key: UInt64) -> Int? {
        let k = key | 1
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: k >> shift)
        while true {
            let slot = slots[s]
            if slot.key == k { return s }
            if slot.key == 0 { return nil }
            s = (s + 1) & mask
        }
    }

    /// The first posting in `slot`.
    @inline(__always) func head(_ slot: Int) -> Int32 { slots[slot].head }

    /// Records that `secret` holds the n-gram `key` starting at its word `start` (once per secret and key).
    mutating func add(_ key: UInt64, secret: Int, start: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        let k = key | 1
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: k >> shift)
        while slots[s].key != 0, slots[s].key != k { s = (s + 1) & mask }
        let h = slots[s].head
        if slots[s].key == 0 {
            slots[s].key = k
            count += 1
        } else if h >= 0, postings[Int(h)].secret == Int32(secret) {
            return
        }
        postings.append(Posting(secret: Int32(secret), start: Int32(start), next: h >= 0 ? h : -1))
        slots[s].head = Int32(postings.count - 1)
    }

    private mutating func grow() {
        let old = slots
        let next = GramIndex(expected: old.count)
        slots = next.slots
        shift = next.shift
        let mask = slots.count - 1
        for slot in old where slot.key != 0 {
            var s = Int(truncatingIfNeeded: slot.key >> shift)
            while slots[s].key != 0 { s = (s + 1) & mask }
            slots[s] = slot
        }
    }
}
