extension String {
    /// `pieces` concatenated, written into one buffer of the exact length: what `+` and interpolation give,
    /// without their appends (each a generic `String.append` of several hundred instructions, and a
    /// regrowth now and then), which cost more than the rest of a cable's eligibility.
    init(joining pieces: String...) {
        var count = 0
        for p in pieces { count += p.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { out in
            var at = 0
            for var p in pieces {
                p.withUTF8 { bytes in
                    // A copy (`memmove`) per piece: copied byte by byte in a loop, the pieces cost a little more.
                    if let from = bytes.baseAddress, let to = out.baseAddress { (to + at).update(from: from, count: bytes.count) }
                    at &+= bytes.count
                }
            }
            return at
        }
    }
}
