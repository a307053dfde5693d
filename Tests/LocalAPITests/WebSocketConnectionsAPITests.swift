import Foundation
import LambdaEvents
import LocalHarness
import NIOCore
import NIOHTTP1
import NIOWebSocket
import Testing

/// The `@connections` API of the WebSocket API emulator, over real connections.
@Suite struct WebSocketConnectionsAPITests {
    @Test func postSendsTheBodyToTheConnectionAsATextFrame() async throws {
        try await WebSocketRunningAPI.run { api in
            let received = try await api.connect { session in
                let id = try await api.connectionID()
                let reply = try await api.manage(.POST, "/dev/%40connections/\(id)", body: #"{"type":"candle"}"#)
                #expect(reply.status == 200)
                return try await session.nextText()
            }
            #expect(received == #"{"type":"candle"}"#)
        }
    }

    @Test func postOver32KBReachesTheClientSplitIntoFrames() async throws {
        try await WebSocketRunningAPI.run { api in
            let body = (0..<100 * 1024).map { String($0 % 10) }.joined()
            let frames = try await api.connect { session in
                let id = try await api.connectionID()
                let reply = try await api.manage(.POST, "/@connections/\(id)", body: body)
                #expect(reply.status == 200)
                var frames: [WebSocketFrame] = []
                while let frame = try await session.next() {
                    frames.append(frame)
                    if frame.fin { break }
                }
                return frames
            }
            // 32 KB frames, as API Gateway splits what it sends: three full ones and the rest.
            #expect(frames.map(\.data.readableBytes) == [32 * 1024, 32 * 1024, 32 * 1024, 4 * 1024])
            #expect(frames.map(\.opcode) == [.text, .continuation, .continuation, .continuation])
            #expect(frames.map(\.fin) == [false, false, false, true])
            #expect(frames.map { String(buffer: $0.unmaskedData) }.joined() == body)
        }
    }

    @Test func postOverThePayloadLimitIsPayloadTooLarge() async throws {
        try await WebSocketRunningAPI.run { api in
            try await api.connect { _ in
                let id = try await api.connectionID()
                let body = String(repeating: "x", count: 128 * 1024 + 1)
                let reply = try await api.manage(.POST, "/@connections/\(id)", body: body)
                #expect(reply.status == 413)
                #expect(reply.headers.first(name: "x-amzn-ErrorType") == "PayloadTooLargeException")
            }
        }
    }

    @Test func aClientThatDoesNotReadIsDroppedWithoutHoldingUpOthers() async throws {
        try await WebSocketRunningAPI.run { api in
            try await api.connect(headers: [("X-Client", "stuck")]) { _ in
                // This session never reads: once its socket's buffers are full, the emulator's fill.
                try await api.connect(headers: [("X-Client", "reading")]) { reading in
                    let stuck = try await api.connectionID(client: "stuck")
                    let message = String(repeating: "x", count: 128 * 1024)
                    var status = 200
                    // Far more than the kernel's buffers and the emulator's 1 MiB can hold.
                    for _ in 0..<1000 where status == 200 {
                        status = try await api.manage(.POST, "/@connections/\(stuck)", body: message).status
                    }
                    #expect(status == 410)
                    #expect(try await api.manage(.GET, "/@connections/\(stuck)").status == 410)
                    let other = try await api.connectionID(client: "reading")
                    #expect(try await api.manage(.POST, "/@connections/\(other)", body: "still here").status == 200)
                    #expect(try await reading.nextText() == "still here")
                }
            }
            let stuck = try await api.connectionID(client: "stuck")
            let disconnects = try await api.events.of(.disconnect, atLeast: 2)
            let disconnect = try #require(disconnects.first { $0.requestContext.connectionId == stuck })
            #expect(disconnect.requestContext.disconnectReason == "Client not reading")
        }
    }

    @Test func getDescribesTheConnection() async throws {
        try await WebSocketRunningAPI.run { api in
            try await api.connect(headers: [("User-Agent", "tests/1.0")]) { _ in
                let id = try await api.connectionID()
                let reply = try await api.manage(.GET, "/@connections/\(id)")
                #expect(reply.status == 200)
                let object = try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any]
                #expect((object?["connectedAt"] as? String)?.hasSuffix("Z") == true)
                #expect(object?["lastActiveAt"] is String)
                let identity = object?["identity"] as? [String: String]
                #expect(identity == ["sourceIp": "127.0.0.1", "userAgent": "tests/1.0"])
            }
        }
    }

    @Test func deleteClosesTheConnectionAndRunsDisconnect() async throws {
        try await WebSocketRunningAPI.run { api in
            let code = try await api.connect { session in
                let id = try await api.connectionID()
                let reply = try await api.manage(.DELETE, "/@connections/\(id)")
                #expect(reply.status == 204)
                return try await session.closeCode()
            }
            #expect(code == 1000)
            try await api.expectOneDisconnect(code: 1000)
        }
    }

    @Test func anUnknownOrClosedConnectionIsGone() async throws {
        try await WebSocketRunningAPI.run { api in
            try await expectGone(in: api, id: "L0SM9cOFvHcCIhw=")
            let id = try await api.connect { session in
                let id = try await api.connectionID()
                try await session.close(code: 1000)
                // Gone from the moment the close is under way, before the TCP connection ends.
                _ = try await session.closeCode()
                try await expectGone(in: api, id: id)
                return id
            }
            try await api.expectOneDisconnect(code: 1000)
            try await expectGone(in: api, id: id)
        }
    }

    @Test func aRequestWithoutAuthorizationIsRefusedLikeAWS() async throws {
        try await WebSocketRunningAPI.run { api in
            let reply = try await api.manage(.POST, "/@connections/L0SM9cOFvHcCIhw=", body: "x", signed: false)
            #expect(reply.status == 403)
            #expect(reply.body == #"{"message":"Missing Authentication Token"}"#)
        }
    }

    /// `POST`, `GET` and `DELETE` all answer 410 GoneException for the connection.
    private func expectGone(in api: WebSocketRunningAPI, id: String) async throws {
        for method in [HTTPMethod.POST, .GET, .DELETE] {
            let reply = try await api.manage(method, "/@connections/\(id)", body: method == .POST ? "x" : nil)
            #expect(reply.status == 410, "\(method)")
            #expect(reply.headers.first(name: "x-amzn-ErrorType") == "GoneException")
        }
    }
}
