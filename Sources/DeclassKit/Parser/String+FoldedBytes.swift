extension String {
    /// `String(decoding: bytes, as: UTF8.self).foldingSpaces` made from the bytes at once: for ASCII text
    /// without a CR LF pair, folded straight from `bytes` (no string of the unfolded text is made first).
    static func foldingSpaces(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        foldedASCII(bytes) ?? String(decoding: bytes, as: UTF8.self).foldingSpaces
    }

    /// `bytes` with runs of white space folded to one space and trimmed, when they are ASCII without a
    /// CR LF pair (the one ASCII grapheme of two bytes): their characters are then their bytes, so folding
    /// the bytes gives what splitting the characters and joining them gives. Nil otherwise.
    static func foldedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var cr = false
        for c in bytes {
            if c >= 0x80 || (cr && c == 0x0A) { return nil }
            cr = c == 0x0D
        }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0
            var pending = false
            for c in bytes {
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                    pending = n > 0
                } else {
                    if pending {
                        out[n] = 0x20
                        n += 1
                        pending = false
                    }
                    out[n] = c
                    n += 1
                }
            }
            return n
        }
    }
}
