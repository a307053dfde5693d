import Foundation

/// The `main` of a fuzz target built without libFuzzer: runs `body` on each file named on the
/// command line and prints what became of each, so that a crash libFuzzer wrote can be replayed under a debugger, or the corpus
/// checked with no sanitizer at all.
public func replay(_ arguments: [String], _ body: ([UInt8]) -> String) {
    let paths = arguments.dropFirst()
    guard !paths.isEmpty else {
        FileHandle.standardError.write(Data("usage: \(arguments.first ?? "fuzzer") FILE...\n".utf8))
        exit(2)
    }
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
            exit(1)
        }
        print("\(path): \(body(Array(data)))")
    }
}

/// Fails the run when a property of the code under test does not hold. libFuzzer treats the
/// trap as a crash and keeps the input, which is what makes an oracle worth checking here.
public func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        fatalError(message())
    }
}
