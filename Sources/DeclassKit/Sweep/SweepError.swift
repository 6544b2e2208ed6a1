/// Why a sweep could not start or had to stop; the message names the path and what to do.
public enum SweepError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case noCables(paths: [String])
    case outputInsideInput(output: String, input: String)
    case inputInsideOutput(input: String, output: String)
    case cannotCreate(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case busy(path: String)
    case badManifest(path: String, line: Int, reason: String)
    case sameOutput(path: String, first: String, second: String)
    case audit(String)

    public var description: String {
        switch self {
        case .notFound(let p): "\(p): no such file or folder"
        case .noCables(let ps): "\(ps.joined(separator: ", ")): no cable files found (files ending in .txt)"
        case .outputInsideInput(let o, let i): "\(o): the output folder is inside the input folder \(i); choose an output folder outside it"
        case .inputInsideOutput(let i, let o): "\(i): the input is inside the output folder \(o); choose an output folder outside it"
        case .cannotCreate(let p, let r): "\(p): cannot create: \(r)"
        case .cannotWrite(let p, let r): "\(p): cannot write: \(r)"
        case .busy(let p): "\(p): another sweep is writing this output folder; wait for it to finish"
        case .badManifest(let p, let l, let r): "\(p):\(l): not a manifest entry: \(r); move the manifest away to start the sweep afresh"
        case .sameOutput(let p, let a, let b): "\(a) and \(b) would both be written to \(p); sweep them into different output folders"
        case .audit(let m): m
        }
    }
}
