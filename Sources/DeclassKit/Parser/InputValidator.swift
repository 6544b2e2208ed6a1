/// Checks raw input before parsing: not empty, not binary, valid UTF-8. One pass over the bytes.
enum InputValidator {
    static func validate(_ t: ByteText, name: String) throws(CableError) {
        let n = t.count
        var onlySpace = true
        var line = 1
        var i = 0
        while i < n {
            let c = t[i]
            if c < 0x80 {
                if c == 0x0A { line += 1 } else if c == 0 {
                    throw CableError.binary(name: name, line: line, offset: i)
                } else if onlySpace, !ByteText.isSpace(c) { onlySpace = false }
                i += 1
                continue
            }
            onlySpace = false
            // Multi-byte sequence: lead byte, then 1–3 continuation bytes; no overlongs or surrogates.
            let len: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; upper = 0x9F
            case 0xF0: len = 4; lower = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; upper = 0x8F
            default: throw CableError.invalidUTF8(name: name, line: line, offset: i)
            }
            guard i + len <= n else { throw CableError.invalidUTF8(name: name, line: line, offset: i) }
            let c1 = t[i + 1]
            guard c1 >= lower, c1 <= upper else { throw CableError.invalidUTF8(name: name, line: line, offset: i) }
            for k in 2..<max(2, len) where t[i + k] & 0xC0 != 0x80 {
                throw CableError.invalidUTF8(name: name, line: line, offset: i)
            }
            i += len
        }
        if onlySpace { throw CableError.empty(name: name) }
    }
}
