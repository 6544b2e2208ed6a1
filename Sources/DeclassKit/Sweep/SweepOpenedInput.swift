#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sweep's input opened ahead of its turn, with the kernel asked to read it in (`posix_fadvise`
/// WILLNEED starts the disk reads and returns): a worker opens its next cable before deciding the one in
/// hand, so on an archive that is not in the page cache the disk reads overlap the deciding instead of
/// stalling the worker once per file. It costs one system call per cable when the files are cached.
struct SweepOpenedInput {
    let input: SweepInput
    /// The input's number in the walk.
    let index: Int
    /// The open file, or why it could not be opened; nil for a folder that could not be listed.
    private let file: Result<Int32, CableError>?

    /// Opens `input` (numbered `index`) and starts reading it in.
    init(_ input: SweepInput, index: Int) {
        self.input = input
        self.index = index
        guard input.unreadable == nil else {
            file = nil
            return
        }
        do {
            let fd = try CableInput.open(input.path)
            _ = posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED)
            file = .success(fd)
        } catch {
            file = .failure(error)
        }
    }

    /// The input's bytes, as `CableInput.read` gives them; closes the file. Call it once.
    func read() throws(CableError) -> [UInt8] {
        switch file {
        case .success(let fd):
            defer { close(fd) }
            return try CableInput.read(fd, path: input.path)
        case .failure(let error):
            throw error
        case nil:
            throw CableError.unreadable(path: input.path, reason: input.unreadable ?? "cannot be listed")
        }
    }
}
