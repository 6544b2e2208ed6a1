import Foundation

/// The last stamp line made for each kind of line, with the inputs it was made from: the releases of one
/// run share their case, document number, date and policy, so every stamp after the first takes the same
/// string instead of writing, validating and allocating its own (about 5,000 instructions a release).
/// Thread-safe: a sweep's workers share it. A line is made again whenever its inputs differ from the last.
final class StampLineCache<Key: Equatable>: @unchecked Sendable {
    private let lock = NSLock()
    private var key: Key?
    private var line = ""

    /// The line for `key`: the kept one when it was made for an equal key, else `make()`'s (then kept).
    func line(for key: Key, make: () -> String) -> String {
        lock.lock()
        if let k = self.key, k == key {
            let kept = line
            lock.unlock()
            return kept
        }
        lock.unlock()
        let made = make()
        lock.lock()
        self.key = key
        line = made
        lock.unlock()
        return made
    }
}
