/// An open-addressing set of shingle hashes with the first unit holding each: no hashing of hashes.
struct ShingleTable {
    private var keys: [UInt64]
    private var owners: [Int32]
    private let mask: Int
    private let shift: UInt64

    /// The home slot: the key's top bits after a multiply.
    @inline(__always) private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift)
    }

    /// A table for up to `capacity` hashes, at most half full.
    init(capacity: Int) {
        var size = 16
        var bits: UInt64 = 4
        while size < capacity * 2 { size <<= 1; bits += 1 }
        shift = 64 - bits
        keys = Array(repeating: 0, count: size)
        owners = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// Adds `h` held by unit `owner`, unless it is already there (the first owner stays).
    @inline(__always)
    mutating func insert(_ h: UInt64, owner: Int) {
        let key = h | 1
        var i = home(key)
        while keys[i] != 0 {
            if keys[i] == key { return }
            i = (i + 1) & mask
        }
        keys[i] = key
        owners[i] = Int32(owner)
    }

    /// Makes `owner` the owner of `h` if `h` is there with no owner yet (-1); else nothing.
    @inline(__always)
    mutating func claim(_ h: UInt64, by owner: Int) {
        let key = h | 1
        var i = home(key)
        while keys[i] != 0 {
            if keys[i] == key {
                if owners[i] < 0 { owners[i] = Int32(owner) }
                return
            }
            i = (i + 1) & mask
        }
    }

    /// The unit first holding `h` (-1 for one inserted with no owner, not yet claimed), or nil.
    @inline(__always)
    func owner(of h: UInt64) -> Int? {
        let key = h | 1
        var i = home(key)
        while keys[i] != 0 {
            if keys[i] == key { return Int(owners[i]) }
            i = (i + 1) & mask
        }
        return nil
    }
}
