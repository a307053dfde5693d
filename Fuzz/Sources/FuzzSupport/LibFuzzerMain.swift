#if CHRONOVIEW_FUZZ
    import LibFuzzer
    import Foundation

    /// The target libFuzzer's driver runs; set once, before the driver starts.
    nonisolated(unsafe) private var currentTarget: (([UInt8]) -> String)?

    /// Running a target on its corpus with this set prints each outcome: it shows, for instance,
    /// that the token target's valid seeds still verify with its secret and clock.
    private let printsOutcomes = ProcessInfo.processInfo.environment["FUZZ_PRINT_OUTCOMES"] != nil

    // Defined although runLibFuzzer hands it to the driver itself: the toolchain's libFuzzer main
    // is linked in too (SwiftPM's renamed main does not stop that) and refers to this symbol.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let outcome = currentTarget?(Array(UnsafeBufferPointer(start: data, count: size)))
        if printsOutcomes, let outcome { print(outcome) }
        return 0
    }

    /// The `main` of a fuzz target built for fuzzing: hands the command line to libFuzzer's driver,
    /// which calls `target` with each input it makes, and exits with the driver's status.
    func runLibFuzzer(_ target: @escaping ([UInt8]) -> String) -> Never {
        currentTarget = target
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
#endif
