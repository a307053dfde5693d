/// A fuzz target: runs the code under test on one input and checks its properties.
///
/// `@main` on a conforming type gives the executable both of its entry points: libFuzzer's
/// driver when built with `-DCHRONOVIEW_FUZZ` (scripts/lib/fuzz.sh), and otherwise a replay of
/// the files named on the command line.
public protocol FuzzTarget {
    /// Runs the code under test on `input`, trapping through ``expect(_:_:)`` when a property
    /// breaks; returns what became of the input, which a replay prints.
    static func fuzz(_ input: [UInt8]) -> String
}

extension FuzzTarget {
    public static func main() {
        #if CHRONOVIEW_FUZZ
            runLibFuzzer(fuzz)
        #else
            replay(CommandLine.arguments, fuzz)
        #endif
    }
}
