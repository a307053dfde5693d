import Foundation

/// Where the function executables are: beside this program, as `swift build` puts every
/// product of the package in one folder.
enum BuildFolder {
    /// The folder of the running executable, from `/proc/self/exe`.
    static func ofRunningProgram() -> String {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().path
    }

    /// `path` made absolute against the working directory, since the function runs in its own folder.
    static func absolutePath(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }
}
