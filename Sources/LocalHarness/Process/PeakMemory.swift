#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A process's peak resident memory, the figure behind Lambda's `Max Memory Used`.
enum PeakMemory {
    /// `VmHWM` from `/proc/<pid>/status` in whole megabytes (rounded up), or `nil` once the
    /// process is gone. Read with plain syscalls: this runs after every invocation.
    static func megabytes(ofProcess pid: pid_t) -> Int? {
        let descriptor = open("/proc/\(pid)/status", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var length = 0
        while length < buffer.count {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + length, $0.count - length) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            length += count
        }
        return kilobytes(inStatus: buffer[..<length]).map { ($0 + 1023) / 1024 }
    }

    /// Finds `VmHWM:   12345 kB` in the text of a status file.
    static func kilobytes(inStatus status: some Collection<UInt8>) -> Int? {
        let key = Array("VmHWM:".utf8)
        let text = Array(status)
        var index = 0
        while index + key.count <= text.count {
            let lineStart = index
            while index < text.count && text[index] != UInt8(ascii: "\n") { index += 1 }
            if text[lineStart..<min(lineStart + key.count, text.count)].elementsEqual(key) {
                var value = 0
                var sawDigit = false
                for byte in text[(lineStart + key.count)..<index] {
                    if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                        value = value * 10 + Int(byte - UInt8(ascii: "0"))
                        sawDigit = true
                    } else if sawDigit {
                        break
                    }
                }
                return sawDigit ? value : nil
            }
            index += 1
        }
        return nil
    }
}
