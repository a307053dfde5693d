#if CHRONOVIEW_FUZZ
    import LibFuzzer
    import Foundation

    /// The `main` of a fuzz target built for fuzzing: hands the command line to libFuzzer's driver,
    /// which calls `test` with each input it makes, and exits with the driver's status.
    public func runLibFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }
#endif
