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

/// Places staged outputs for the committer, holding the folder it last placed into open: outputs come in
/// input order, a folder's together, so each is one `linkat` (an unnamed staged file) or `renameat` (a
/// named one) between two open folders (no walk of either path per file) and a folder is opened, and made
/// if missing, once. It does not sync: the committer syncs the file system once the batch is placed.
final class SweepPlacer {
    private var folder: String?
    private var fd: Int32 = -1

    init() {}

    deinit { if fd >= 0 { close(fd) } }

    /// Moves `staged` to `target`, creating its folders; an earlier output there is replaced at once (an
    /// unnamed file is first linked under its staged name, then renamed over it). `staged` is used up,
    /// placed or not.
    func place(_ staged: SweepStaged, at target: SweepTarget) throws(SweepError) {
        if folder != target.folder {
            do { try open(target.folder) } catch {
                staged.discard()
                throw error
            }
        }
        if staged.isUnnamed, let unnamed = staged.folder.unnamed {
            defer { unnamed.close(staged.fd) }
            if unnamed.link(staged.fd, in: fd, as: target.name) { return }
            guard errno == EEXIST, unnamed.link(staged.fd, in: staged.folder.fd, as: staged.name) else {
                throw SweepError.cannotWrite(path: target.path, reason: String(cString: strerror(errno)))
            }
        }
        guard renameat(staged.folder.fd, staged.name, fd, target.name) == 0 else {
            let reason = String(cString: strerror(errno))
            unlinkat(staged.folder.fd, staged.name, 0)
            throw SweepError.cannotWrite(path: target.path, reason: reason)
        }
    }

    /// Opens `path` (made if missing) in place of the folder held.
    private func open(_ path: String) throws(SweepError) {
        if fd >= 0 {
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
