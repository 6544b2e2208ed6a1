/// Appending text to a byte buffer being written (a release, a stamp line) without walking a
/// `String.UTF8View` byte by byte: a string's bytes are copied from its storage in one run, a literal's from
/// its static bytes, a number's digits written in place.
extension Array where Element == UInt8 {
    /// Appends `s`'s UTF-8 bytes, copied in one run from its contiguous storage (every native string has it).
    @inline(__always)
    mutating func appendUTF8(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil { self += s.utf8 }
    }

    /// Appends a literal's UTF-8 bytes.
    @inline(__always)
    mutating func appendLiteral(_ s: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Appends `String(n)`'s bytes, the digits written in place (a negative number through `String`).
    mutating func appendDecimal(_ n: Int) {
        guard n >= 0 else { return appendUTF8(String(n)) }
        var digits = 1
        var rest = n / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let start = count
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var v = n
        var i = start + digits - 1
        while v > 0 {
            self[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
            v /= 10
            i -= 1
        }
    }
}
