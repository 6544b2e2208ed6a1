/// The last six words pushed (their hashes and start offsets), in a ring of eight slots in memory of its
/// own: a reading loop carries one index instead of twelve values (which it spilled and reloaded at every
/// word boundary when they were plain fields), and a push is two stores. `free()` releases the memory.
struct GramWindow {
    /// Eight hashes, then eight start offsets.
    private let slots: UnsafeMutablePointer<UInt64>
    /// The slot of the newest word.
    private var newest = 0
    /// How many words have been pushed.
    private(set) var count = 0

    /// An empty window (every slot zero).
    init() {
        slots = .allocate(capacity: 16)
        slots.initialize(repeating: 0, count: 16)
    }

    /// Releases the window's memory; the window must not be used after.
    func free() {
        slots.deallocate()
    }

    /// Makes `hash` (of a word starting at byte `start`) the newest word.
    @inline(__always) mutating func push(_ hash: UInt64, start: Int) {
        newest = (newest + 1) & 7
        count += 1
        slots[newest] = hash
        slots[8 + newest] = UInt64(bitPattern: Int64(start))
    }

    /// The hash of the word `back` words before the newest, `back` < 6.
    @inline(__always) func hash(back: Int) -> UInt64 { slots[(newest - back) & 7] }

    /// The start offset of the word `back` words before the newest, `back` < 6.
    @inline(__always) func start(back: Int) -> Int { Int(Int64(bitPattern: slots[8 + (newest - back) & 7])) }
}
