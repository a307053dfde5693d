#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The floor of the runtime benchmark: the least work a Lambda Runtime API client can do.
// One thread, one blocking socket, no event loop, no Foundation, a hand-rolled HTTP/1.1 that
// understands only what the Runtime API sends. It echoes every event back as its response,
// like RuntimeFixture's `bytes` mode, so the two differ only in the runtime around them.
// Written for the benchmark alone: it trusts its server and stops at the first surprise.

func fail(_ message: String) -> Never {
    let line = "SocketFloor: \(message)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(1)
}

guard let endpointPointer = getenv("AWS_LAMBDA_RUNTIME_API") else { fail("AWS_LAMBDA_RUNTIME_API is not set") }
let endpoint = String(cString: endpointPointer)
guard let colon = endpoint.lastIndex(of: ":"), let port = UInt16(endpoint[endpoint.index(after: colon)...]) else {
    fail("expected host:port in AWS_LAMBDA_RUNTIME_API")
}
let host = String(endpoint[..<colon])

let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
guard socketFD >= 0 else { fail("socket failed") }
var noDelay: Int32 = 1
setsockopt(socketFD, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
var address = sockaddr_in()
address.sin_family = sa_family_t(AF_INET)
address.sin_port = port.bigEndian
guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else {
    fail("expected an IPv4 address, got \(host)")
}
let connected = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
    }
}
guard connected == 0 else { fail("cannot connect to \(endpoint)") }

/// The client's one connection: a blocking socket and the bytes read but not yet consumed
/// (a response may arrive in pieces).
final class Connection {
    let descriptor: Int32
    private var pending: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    init(descriptor: Int32) {
        self.descriptor = descriptor
        pending.reserveCapacity(64 * 1024)
    }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            guard written > 0 else { fail("write failed") }
            offset += written
        }
    }

    /// Reads one response: its header lines (lowercased, request IDs included: ours are
    /// lowercase already) and its body.
    func readResponse() -> (headers: [Substring], body: ArraySlice<UInt8>) {
        var headerEnd = -1
        var scanned = 0
        while headerEnd < 0 {
            var index = max(0, scanned - 3)
            while index + 3 < pending.count {
                if pending[index] == 13 && pending[index + 1] == 10 && pending[index + 2] == 13
                    && pending[index + 3] == 10
                {
                    headerEnd = index + 4
                    break
                }
                index += 1
            }
            if headerEnd < 0 {
                scanned = pending.count
                fill()
            }
        }
        let text = String(decoding: pending[0..<headerEnd], as: UTF8.self).lowercased()
        let headers = text.split(separator: "\r\n")
        let length = Int(value(of: "content-length", in: headers) ?? "0") ?? 0
        while pending.count < headerEnd + length { fill() }
        let body = pending[headerEnd..<(headerEnd + length)]
        pending.removeFirst(headerEnd + length)
        return (headers, body)
    }

    private func fill() {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { fail("the Runtime API closed the connection") }
        pending.append(contentsOf: chunk[0..<count])
    }
}

/// The value of a header among lowercased header lines.
func value(of name: String, in headers: [Substring]) -> Substring? {
    for line in headers {
        guard let colon = line.firstIndex(of: ":"), line[..<colon] == name else { continue }
        return line[line.index(after: colon)...].drop(while: { $0 == " " })
    }
    return nil
}

let connection = Connection(descriptor: socketFD)
let hostHeader = "Host: \(endpoint)\r\n"
let nextRequest = Array("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n\(hostHeader)\r\n".utf8)

while true {
    connection.send(nextRequest)
    let (headers, event) = connection.readResponse()
    guard let requestID = value(of: "lambda-runtime-aws-request-id", in: headers) else {
        fail("no request id in the invocation")
    }
    var request = Array(
        "POST /2018-06-01/runtime/invocation/\(requestID)/response HTTP/1.1\r\n\(hostHeader)Content-Length: \(event.count)\r\n\r\n"
            .utf8)
    request.append(contentsOf: event)
    connection.send(request)
    _ = connection.readResponse()
}
