import Foundation
import LambdaEvents
import LocalHarness
import NIOCore
import NIOWebSocket
import Testing

/// The WebSocket API emulator over real connections, in front of a real function process.
@Suite struct WebSocketAPITests {
    @Test func handshakeIsRefusedWithTheConnectFunctionsStatusAndBody() async throws {
        try await WebSocketRunningAPI.run { api in
            for status in [401, 403] {
                let handshake = try await WebSocketTestClient.connect(port: api.port, target: "/dev?status=\(status)")
                guard case .refused(let refused, let body) = handshake else {
                    Issue.record("the handshake was accepted")
                    return
                }
                #expect(refused == status)
                #expect(body.contains(#""eventType":"CONNECT""#))
            }
        }
    }

    @Test func connectEventCarriesTheHandshakesQueryStringAndHeaders() async throws {
        try await WebSocketRunningAPI.run { api in
            try await api.connect(query: "token=abc%20d&x=1&x=2", headers: [("X-Custom", "yes")]) { _ in }
            let event = try #require(try await api.events.of(.connect).first)
            #expect(event.queryStringParameters == ["token": "abc d", "x": "2"])
            #expect(event.multiValueQueryStringParameters?["x"] == ["1", "2"])
            #expect(event.header("x-custom") == "yes")
            #expect(event.multiValueHeaders?["X-Custom"] == ["yes"])
            #expect(event.header("sec-websocket-key") != nil)
            #expect(event.body == nil)
            let context = event.requestContext
            #expect(context.routeKey == "$connect")
            #expect(context.stage == "dev")
            #expect(context.messageDirection == "IN")
            #expect(context.messageId == nil)
            #expect(context.identity.sourceIp == "127.0.0.1")
            #expect(context.connectionId.count == 16 && context.connectionId.hasSuffix("="))
            #expect(context.connectedAt > 0 && context.requestTimeEpoch >= context.connectedAt)
        }
    }

    @Test func aHandshakeOffTheStagePathIsForbidden() async throws {
        try await WebSocketRunningAPI.run { api in
            let handshake = try await WebSocketTestClient.connect(port: api.port, target: "/other")
            guard case .refused(let status, _) = handshake else {
                Issue.record("the handshake was accepted")
                return
            }
            #expect(status == 403)
            #expect(try await api.events.none(of: .connect))
        }
    }

    @Test func messageGoesToTheDefaultRouteAndItsRouteResponseBackToTheClient() async throws {
        try await WebSocketRunningAPI.run { api in
            let message = #"{"action":"subscribe","symbols":["BINANCE:BTCUSDT"]}"#
            let answer = try await api.connect { session in
                try await session.send(message)
                return try await session.nextText()
            }
            let event = try JSONDecoder().decode(APIGatewayWebSocketRequest.self, from: Data(try #require(answer).utf8))
            #expect(event.requestContext.eventType == .message)
            #expect(event.requestContext.routeKey == "$default")
            #expect(event.requestContext.messageId != nil)
            #expect(event.body == message)
            #expect(!event.isBase64Encoded)
            #expect(event.headers == nil && event.queryStringParameters == nil)
            let connect = try #require(try await api.events.of(.connect).first)
            #expect(event.requestContext.connectionId == connect.requestContext.connectionId)
            #expect(event.requestContext.connectedAt == connect.requestContext.connectedAt)
        }
    }

    @Test func actionNamingARouteSelectsThatRoute() async throws {
        try await WebSocketRunningAPI.run { api in
            try await api.connect { session in
                try await session.send(#"{"action":"ping"}"#)
                try await session.send("not json")
                _ = try await session.nextText()
            }
            let messages = try await api.events.of(.message, atLeast: 2)
            #expect(Set(messages.map(\.requestContext.routeKey)) == ["ping", "$default"])
        }
    }

    @Test func messagesBeyondTheInFlightBoundWaitTheirTurn() async throws {
        let configuration = WebSocketAPIConfiguration(maximumMessagesInFlight: 2)
        try await WebSocketRunningAPI.run(configuration: configuration) { api in
            let answers = try await api.connect { session in
                for index in 0..<12 { try await session.send("message \(index)") }
                var answers: [String] = []
                for _ in 0..<12 { answers.append(try #require(try await session.nextText())) }
                return answers
            }
            let bodies = try answers.map {
                try JSONDecoder().decode(APIGatewayWebSocketRequest.self, from: Data($0.utf8)).body
            }
            #expect(Set(bodies) == Set((0..<12).map { "message \($0)" }))
        }
    }

    @Test func aFailingFunctionTellsTheClientInternalServerError() async throws {
        try await WebSocketRunningAPI.run { api in
            let answer = try await api.connect { session in
                try await session.send("throw")
                return try await session.nextText()
            }
            #expect(answer?.contains(#""message": "Internal server error""#) == true)
        }
    }

    @Test func disconnectRunsOnceWhenTheClientCloses() async throws {
        try await WebSocketRunningAPI.run { api in
            let code = try await api.connect { session in
                try await session.close(code: 1000)
                return try await session.closeCode()
            }
            #expect(code == 1000)
            try await api.expectOneDisconnect(code: 1000)
        }
    }

    @Test func disconnectRunsOnceWhenTheClientVanishes() async throws {
        try await WebSocketRunningAPI.run { api in
            try await api.connect { session in try await session.vanish() }
            try await api.expectOneDisconnect(code: 1006)
        }
    }

    @Test func aFrameOver32KBClosesTheConnectionWith1009() async throws {
        try await WebSocketRunningAPI.run { api in
            let code = try await api.connect { session in
                try await session.send(String(repeating: "x", count: 32 * 1024 + 1))
                return try await session.closeCode()
            }
            #expect(code == 1009)
            try await api.expectOneDisconnect(code: 1009)
        }
    }

    @Test func aMessageOver128KBAcrossFramesClosesTheConnectionWith1009() async throws {
        try await WebSocketRunningAPI.run { api in
            let code = try await api.connect { session in
                let frame = ByteBuffer(repeating: UInt8(ascii: "x"), count: 30 * 1024)
                try await session.send(opcode: .text, frame, fin: false)
                for _ in 0..<4 { try await session.send(opcode: .continuation, frame, fin: false) }
                return try await session.closeCode()
            }
            #expect(code == 1009)
        }
    }

    @Test func aBinaryFrameClosesTheConnectionWith1003AsAPIGatewayDoes() async throws {
        try await WebSocketRunningAPI.run { api in
            let code = try await api.connect { session in
                try await session.send(opcode: .binary, ByteBuffer(bytes: [0, 1, 2]))
                return try await session.closeCode()
            }
            #expect(code == 1003)
            #expect(try await api.events.none(of: .message))
            try await api.expectOneDisconnect(code: 1003)
        }
    }

    @Test func theEmulatorAnswersPings() async throws {
        try await WebSocketRunningAPI.run { api in
            let pong = try await api.connect { session in
                try await session.send(opcode: .ping, ByteBuffer(string: "are you there"))
                return try await session.next()
            }
            #expect(pong?.opcode == .pong)
            #expect(pong.map { String(buffer: $0.unmaskedData) } == "are you there")
        }
    }

    @Test func anIdleConnectionIsClosedAfterTheIdleTimeout() async throws {
        // Long enough that a handshake on a machine busy with every suite at once is not idle yet.
        let configuration = WebSocketAPIConfiguration(idleTimeout: .seconds(3))
        try await WebSocketRunningAPI.run(configuration: configuration) { api in
            let status = try await api.connect { session in try await session.closeStatus() }
            #expect(status?.code == 1001)
            #expect(status?.reason == "Idle timeout")
            try await api.expectOneDisconnect(code: 1001)
        }
    }

    @Test func aBusyConnectionIsClosedAtTheMaximumDuration() async throws {
        // An idle timeout far beyond the maximum duration: only the maximum duration can end it.
        let configuration = WebSocketAPIConfiguration(
            idleTimeout: .seconds(120), maximumConnectionDuration: .seconds(3))
        try await WebSocketRunningAPI.run(configuration: configuration) { api in
            let clock = ContinuousClock()
            let (status, lasted) = try await api.connect { session -> (CloseStatus?, Duration) in
                // Started once connected, so that what is measured is no longer than the connection.
                let start = clock.now
                while clock.now - start < .seconds(60) {
                    // Frames from the client do not extend the maximum duration. The server may
                    // have closed since the last frame: the ping then has nowhere to go.
                    try? await session.send(opcode: .ping, ByteBuffer())
                    guard let frame = try await session.next() else { break }
                    if let status = CloseStatus(frame) { return (status, clock.now - start) }
                    try await Task.sleep(for: .milliseconds(200))
                }
                return (nil, clock.now - start)
            }
            #expect(status?.code == 1001)
            #expect(status?.reason == "Maximum connection duration")
            // The timer starts at the upgrade, a moment before the session: a second's margin.
            #expect(lasted >= .seconds(2))
        }
    }

    @Test func aFragmentedMessageIsReassembledBeforeItsRoute() async throws {
        try await WebSocketRunningAPI.run { api in
            let answer = try await api.connect { session in
                try await session.send(opcode: .text, ByteBuffer(string: "hello "), fin: false)
                try await session.send(opcode: .continuation, ByteBuffer(string: "fragmented "), fin: false)
                try await session.send(opcode: .continuation, ByteBuffer(string: "world"))
                return try await session.nextText()
            }
            let event = try JSONDecoder().decode(APIGatewayWebSocketRequest.self, from: Data(try #require(answer).utf8))
            #expect(event.body == "hello fragmented world")
            #expect(try await api.events.of(.message).count == 1)
        }
    }

    @Test func functionsThatDeclareTheManagementEndpointGetTheLocalOne() async throws {
        try await WebSocketRunningAPI.run { api in
            let realtime = try #require(api.definitions.first { $0.name == "Realtime" })
            #expect(realtime.environment["WEBSOCKET_MANAGEMENT_ENDPOINT"] == "http://127.0.0.1:\(api.port)")
        }
    }
}
