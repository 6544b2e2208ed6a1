#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Staged outputs without a name (`O_TMPFILE`), for the sweeps of a file system that has them: a worker
/// creates its output as an unnamed file in its staging folder and keeps it open; the committer links it
/// into place (`linkat`). A named staged file cost an entry added to the staging folder when created and
/// removed from it when renamed out (and the folder's lock, taken by both threads); an unnamed one costs
/// neither. 10,000 files of 8.6 KB: 0.38 s of CPU created, written and placed, against 0.49–0.54 s
/// created in a folder and renamed. A killed sweep leaves nothing: an unnamed file goes with its process.
/// Each one holds a descriptor until it is placed, so at most `budget` are open at once; the others are
/// staged by name.
final class SweepUnnamedFiles: @unchecked Sendable {
    /// How an open unnamed file is given a name.
    enum LinkMode: Sendable {
        /// `linkat(fd, "", …, AT_EMPTY_PATH)`: one call, where the kernel allows it (Linux 6.10 on, or root).
        case emptyPath
        /// `linkat` of `/proc/self/fd/N` following the link, as open(2) documents.
        case procPath
    }

    let mode: LinkMode
    /// Unnamed files open at most at once.
    let budget: Int
    private let lock = NSLock()
    private var held = 0

    /// `open` flags of an unnamed file (`O_TMPFILE`, which Glibc's module map leaves out: `__O_TMPFILE | O_DIRECTORY`).
    static let tmpFileFlags: Int32 = 0o20000000 | O_DIRECTORY
    /// `AT_EMPTY_PATH`, which Glibc's module map leaves out.
    static let atEmptyPath: Int32 = 0x1000

    init(mode: LinkMode, budget: Int) {
        self.mode = mode
        self.budget = budget
    }

    /// Unnamed files for staging in `folder` (open), or nil when the file system or the kernel has none, or
    /// none can be linked: found by making one, linking it and removing the link.
    static func probe(_ folder: Int32, budget: Int = descriptorBudget()) -> SweepUnnamedFiles? {
        guard budget > 0 else { return nil }
        let fd = openat(folder, ".", O_WRONLY | tmpFileFlags | O_CLOEXEC, mode_t(0o644))
        guard fd >= 0 else { return nil }
        defer { _ = Glibc.close(fd) }
        let name = ".probe"
        for mode in [LinkMode.emptyPath, .procPath] {
            let files = SweepUnnamedFiles(mode: mode, budget: budget)
            if files.link(fd, in: folder, as: name) {
                unlinkat(folder, name, 0)
                return files
            }
        }
        return nil
    }

    /// A quarter of the soft limit on open descriptors (the rest stays for inputs and for whatever else
    /// the process opens), at most 16,384.
    static func descriptorBudget() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        let soft = Int(clamping: limit.rlim_cur)  // RLIM_INFINITY is the largest value
        return max(0, min(soft / 4 - 32, 1 << 14))
    }

    /// Opens an unnamed file in `folder`, when the budget has room; nil otherwise (or when it fails).
    func open(in folder: Int32) -> Int32? {
        lock.lock()
        guard held < budget else {
            lock.unlock()
            return nil
        }
        held += 1
        lock.unlock()
        let fd = openat(folder, ".", O_WRONLY | SweepUnnamedFiles.tmpFileFlags | O_CLOEXEC, mode_t(0o644))
        if fd < 0 { release() }
        return fd >= 0 ? fd : nil
    }

    /// Closes an unnamed file opened by `open` (placed or not).
    func close(_ fd: Int32) {
        _ = Glibc.close(fd)
        release()
    }

    /// Unnamed files open now (opened by `open`, not yet closed).
    var openCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return held
    }

    private func release() {
        lock.lock()
        held -= 1
        lock.unlock()
    }

    /// Gives the open unnamed file `fd` the name `name` in the open folder `folder`; false (with `errno`
    /// set) when it cannot, `EEXIST` when the name is taken.
    func link(_ fd: Int32, in folder: Int32, as name: String) -> Bool {
        switch mode {
        case .emptyPath:
            return linkat(fd, "", folder, name, SweepUnnamedFiles.atEmptyPath) == 0
        case .procPath:
            return linkat(AT_FDCWD, "/proc/self/fd/\(fd)", folder, name, AT_SYMLINK_FOLLOW) == 0
        }
    }
}
