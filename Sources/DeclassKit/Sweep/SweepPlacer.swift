#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where an output goes: its folder (under the output folder) and its name there.
struct SweepTarget: Sendable, Hashable {
    let folder: String
    let name: String

    /// The output `relative` (`2009/09ASTANA435.txt`) under the output folder `outDir`.
    init(outDir: String, relative: String) {
        if let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = outDir + "/" + relative[..<slash]
            name = String(relative[relative.utf8.index(after: slash)...])
        } else {
            folder = outDir
            name = relative
        }
    }

    /// The output's path.
    var path: String { folder + "/" + name }
}

/// Renames staged outputs into place for the committer, holding the folder it last placed into open:
/// outputs come in input order, a folder's together, so each rename is one `renameat` between two open
/// folders (no walk of either path per file) and a folder is opened, and made if missing, once.
final class SweepPlacer {
    private var folder: String?
    private var fd: Int32 = -1
    /// True when renames changed the folder held since it was last synced.
    private var changed = false

    init() {}

    deinit { if fd >= 0 { close(fd) } }

    /// Moves `staged` to `target`, creating its folders.
    func place(_ staged: SweepStaged, at target: SweepTarget) throws(SweepError) {
        if folder != target.folder { try open(target.folder) }
        guard renameat(staged.folder.fd, staged.name, fd, target.name) == 0 else {
            throw SweepError.cannotWrite(path: target.path, reason: String(cString: strerror(errno)))
        }
        changed = true
    }

    /// Syncs the folder it holds open, whose entries the last renames changed (it stays open).
    func syncHeld() {
        if changed { fsync(fd) }
        changed = false
    }

    /// Opens `path` (made if missing) in place of the folder held, which is synced first.
    private func open(_ path: String) throws(SweepError) {
        if fd >= 0 {
            syncHeld()
            close(fd)
            fd = -1
            folder = nil
        }
        var opened = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if opened < 0, errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            opened = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        guard opened >= 0 else { throw SweepError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        fd = opened
        folder = path
    }
}
