#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A sweep's manifest (`manifest.jsonl`): one JSON line per input, appended in input order as the sweep
/// commits each batch, synced. An interrupted sweep leaves a valid prefix (a torn last line is dropped on
/// the next run), which the re-run reads to skip what is done; a sweep that resumed rewrites the manifest
/// at its end to one entry per input in input order, so it reads the same as an uninterrupted sweep's.
final class SweepManifest {
    let path: String
    private let fd: Int32
    /// Entries of earlier runs, by input path (the last one wins), for skipping.
    let earlier: [String: SweepEntry]

    /// Opens (creating) the manifest at `path`, reads what earlier runs wrote and drops a torn last line.
    init(path: String) throws(SweepError) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode_t(0o644))
        guard fd >= 0 else { throw SweepError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        self.fd = fd
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        var keep = bytes.count
        if let last = bytes.last, last != 0x0A { keep = (bytes.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0 }
        var earlier: [String: SweepEntry] = [:]
        var lineNumber = 0
        for line in bytes[0..<keep].split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            lineNumber += 1
            do {
                let entry = try SweepEntry.decode(line)
                earlier[entry.input] = entry
            } catch {
                close(fd)
                throw SweepError.badManifest(path: path, line: lineNumber, reason: "\(error)")
            }
        }
        self.earlier = earlier
        if keep != bytes.count { ftruncate(fd, off_t(keep)) }
        lseek(fd, off_t(keep), SEEK_SET)
    }

    deinit { close(fd) }

    /// Appends entries' lines (`SweepEntry.line`, each with its newline, in input order) and syncs them.
    func append(lines: [UInt8]) throws(SweepError) {
        guard !lines.isEmpty else { return }
        try SweepFiles.writeAll(fd, lines, path: path)
        fsync(fd)
    }

    /// Rewrites the manifest atomically with one entry per input, this sweep's inputs first in input order,
    /// then the entries of inputs this sweep did not cover (an earlier sweep's into the same folder) as they
    /// stood; used after a resumed run, whose skipped inputs were not re-appended.
    func compact(order: SweepWalk) throws(SweepError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SweepError.cannotWrite(path: path, reason: "cannot read it back")
        }
        var latest: [String: ArraySlice<UInt8>] = [:]
        var firstSeen: [String] = []
        for line in [UInt8](data).split(separator: 0x0A) {
            guard let entry = try? SweepEntry.decode(line) else { continue }
            if latest.updateValue(line, forKey: entry.input) == nil { firstSeen.append(entry.input) }
        }
        var out: [UInt8] = []
        for input in order {
            guard let line = latest.removeValue(forKey: input.path) else { continue }
            out += line
            out.append(0x0A)
        }
        for input in firstSeen {
            guard let line = latest[input] else { continue }
            out += line
            out.append(0x0A)
        }
        do { try AtomicFile.write(out, to: path) } catch { throw SweepError.cannotWrite(path: path, reason: "\(error)") }
    }
}
