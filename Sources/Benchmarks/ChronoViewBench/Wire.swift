import Glibc

/// A benchmark failure worth stopping for, with a message that says what to look at.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One HTTP/1.1 message as read off a socket: the start line, headers (names lowercased), body.
struct WireMessage {
    var startLine: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// The status code of a response's start line (`HTTP/1.1 200 OK`).
    var statusCode: Int {
        let parts = startLine.split(separator: " ", maxSplits: 2)
        return parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
    }
}

/// A blocking TCP connection with just enough HTTP/1.1 for the benchmark's two sides.
///
/// Blocking sockets on dedicated threads keep the harness's own cost small and easy to measure
/// (one `read` and one `write` per message), so that it does not blur the figures of what it drives.
final class WireConnection {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    init(descriptor: Int32) {
        self.descriptor = descriptor
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        buffer.reserveCapacity(64 * 1024)
    }

    deinit { close(descriptor) }

    /// Connects to 127.0.0.1:`port`.
    static func connect(port: UInt16) throws -> WireConnection {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError("socket: errno \(errno)") }
        var address = sockaddr_in.loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw BenchError("connect to 127.0.0.1:\(port): errno \(errno)")
        }
        return WireConnection(descriptor: descriptor)
    }

    /// Bounds every later read, so that a stuck peer ends the benchmark instead of hanging it.
    func setReadTimeout(seconds: Int) {
        var value = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw BenchError("write failed: errno \(errno)") }
            offset += written
        }
    }

    /// Reads one message whose body length is given by `content-length` (absent means none).
    func readMessage() throws -> WireMessage {
        var scanned = start
        var headerEnd = -1
        while headerEnd < 0 {
            let end = buffer.count
            var index = max(start, scanned - 3)
            while index + 3 < end {
                if buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10
                {
                    headerEnd = index + 4
                    break
                }
                index += 1
            }
            if headerEnd < 0 {
                scanned = end
                try fill()
            }
        }
        let text = String(decoding: buffer[start..<(headerEnd - 4)], as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        let startLine = lines.isEmpty ? "" : String(lines.removeFirst())
        var headers: [(name: String, value: String)] = []
        var length = 0
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...].drop(while: { $0 == " " }))
            if name == "content-length" { length = Int(value) ?? 0 }
            headers.append((name, value))
        }
        while buffer.count < headerEnd + length { try fill() }
        let body = Array(buffer[headerEnd..<(headerEnd + length)])
        start = headerEnd + length
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        return WireMessage(startLine: startLine, headers: headers, body: body)
    }

    private func fill() throws {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            throw BenchError(count == 0 ? "the peer closed the connection" : "read failed: errno \(errno)")
        }
        buffer.append(contentsOf: chunk[0..<count])
    }
}

/// A listening socket on 127.0.0.1 with a port the kernel picked.
final class WireListener {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError("socket: errno \(errno)") }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else { throw BenchError("bind/listen: errno \(errno)") }
        var actual = sockaddr_in()
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &size) }
        }
        self.descriptor = descriptor
        port = UInt16(bigEndian: actual.sin_port)
    }

    deinit { close(descriptor) }

    /// Waits at most `timeoutMilliseconds` for a connection.
    func accept(timeoutMilliseconds: Int32) throws -> WireConnection {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) == 1 else {
            throw BenchError("no connection within \(timeoutMilliseconds) ms")
        }
        let client = Glibc.accept(descriptor, nil, nil)
        guard client >= 0 else { throw BenchError("accept: errno \(errno)") }
        return WireConnection(descriptor: client)
    }
}

extension sockaddr_in {
    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
