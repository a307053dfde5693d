import Core
import Foundation
import LambdaEvents
import TestSupport
import Testing

/// Request bodies are JSON by RFC 8259 and nothing more (API.md: a body that is not JSON is a 400
/// `invalid_json`), on every route that reads one: what lenient parsers take is refused.
@Suite struct StrictJSONBodyTests {
    static let chart = #""name":"Daily","symbol":"AAPL","interval":"1d""#

    /// A chart body that a lenient parser would take, each bent by one leniency.
    static let refused: [String] = [
        #"{\#(chart),}"#,  // a trailing comma
        #"{\#(chart),"layout":{"n":[1,]}}"#,
        #"{\#(chart) /* a comment */}"#,
        "{\(chart), // a comment\n\"layout\":{}}",
        #"{'name':'Daily','symbol':'AAPL','interval':'1d'}"#,
        #"{\#(chart),"layout":{'n':1}}"#,
        #"{\#(chart),"layout":{"n":NaN}}"#,
        #"{\#(chart),"layout":{"n":Infinity}}"#,
        #"{\#(chart),"layout":{"n":-Infinity}}"#,
        #"{\#(chart),"layout":{"n":01}}"#,
        #"{\#(chart),"layout":{"n":+1}}"#,
        #"{\#(chart),"layout":{"n":.5}}"#,
        #"{\#(chart),"layout":{"n":1.}}"#,
        #"{\#(chart),"layout":{"n":0x10}}"#,
        #"{name:"Daily","symbol":"AAPL","interval":"1d"}"#,
        "{\"name\":\"Dai\tly\",\"symbol\":\"AAPL\",\"interval\":\"1d\"}",  // raw control characters
        "{\"name\":\"Dai\nly\",\"symbol\":\"AAPL\",\"interval\":\"1d\"}",
        "{\"name\":\"Dai\u{1}ly\",\"symbol\":\"AAPL\",\"interval\":\"1d\"}",
        #"{"name":"Dai\ly","symbol":"AAPL","interval":"1d"}"#,  // escapes JSON does not have
        #"{"name":"Dai\x6Cy","symbol":"AAPL","interval":"1d"}"#,
        #"{"name":"Dai\u6Cy","symbol":"AAPL","interval":"1d"}"#,
        #"{"name":"Daily \ud800","symbol":"AAPL","interval":"1d"}"#,  // lone surrogates
        #"{"name":"Daily \udc00\ud800","symbol":"AAPL","interval":"1d"}"#,
        #"{\#(chart)} trailing"#,
        #"{\#(chart)}{}"#,
        #"{\#(chart)};"#,
        "\u{FEFF}{\(chart)}",  // a byte order mark
        "\u{A0}{\(chart)}",  // whitespace RFC 8259 does not count as such
        #"{\#(chart),"layout":\#(String(repeating: "[", count: 512))\#(String(repeating: "]", count: 512))}"#,
    ]

    /// Bodies RFC 8259 allows, however unusual, each a valid chart.
    static let accepted: [String] = [
        " \t\r\n{ \"name\" :\t\"Daily\" ,\r\n\"symbol\":\"AAPL\" , \"interval\" : \"1d\" } \n",
        #"{"name":"D\u0061ily \/ \"q\" \ud83d\udcc8 é","symbol":"AAPL","interval":"1d"}"#,
        #"{"name":"Weekly","name":"Daily","symbol":"AAPL","interval":"1d"}"#,
        #"{\#(chart),"layout":{"n":[0,-0,1.5,-1.5e3,1E+3,1e-8,0.0,1e400,5e-324,-2.2250738585e-313]}}"#,
        #"{\#(chart),"layout":{"e":{},"a":[],"t":true,"f":false,"z":null,"s":"\u2028\u007f"}}"#,
        // 512 levels: the body, its layout and 510 arrays in it.
        #"{\#(chart),"layout":{"n":\#(String(repeating: "[", count: 510))\#(String(repeating: "]", count: 510))}}"#,
    ]

    static func isInvalidJSON(_ error: any Error) -> Bool {
        if case .invalidJSON? = error as? APIError { return true }
        return false
    }

    @Test func everyBodyRouteRefusesWhatRFC8259DoesNotAllow() async throws {
        try await TestDatabase.withServices { services in
            let readers = APIFunction.allCases.flatMap { $0.routes(services) }.compactMap { route, endpoint in
                endpoint.readRequest.map { (route: route, read: $0) }
            }
            #expect(readers.count >= 9, "\(readers.map(\.route))")
            let notUTF8 = Array(#"{"name":"Dai"#.utf8) + [0xFF] + Array(#"ly","symbol":"AAPL","interval":"1d"}"#.utf8)
            let bodies = Self.refused.map { Array($0.utf8) } + [notUTF8]
            for (route, read) in readers {
                for body in bodies {
                    let request = HTTPRequest(event: Self.event(route: route, body: body))
                    #expect(throws: (any Error).self, "\(route) \(String(decoding: body, as: UTF8.self))") {
                        try read(request)
                    }
                    do {
                        _ = try read(request)
                    } catch {
                        #expect(Self.isInvalidJSON(error), "\(route): \(error)")
                    }
                }
                for body in Self.accepted {
                    do {
                        _ = try read(HTTPRequest(event: Self.event(route: route, body: Array(body.utf8))))
                    } catch {
                        #expect(!Self.isInvalidJSON(error), "\(route) refused \(body.debugDescription): \(error)")
                    }
                }
            }
        }
    }

    @Test func leniencesAreA400InvalidJSONThroughTheRoutes() async throws {
        try await CollectionClient.withNewUser(of: .charts) { client in
            let id = try await client.createValid()
            for body in Self.refused {
                let created = await client.create(body)
                #expect(created.status == 400, "\(body.debugDescription)")
                #expect(created.code == "invalid_json", "\(body.debugDescription)")
                #expect(await client.patch(id, body).status == 400, "\(body.debugDescription)")
            }
            #expect(try await client.storedCount() == 1)
            #expect(await client.get(id).json["version"] as? Int == 1)
            let signUp = AccountRoutes.createUser(client.services)
            let email = AccountFixtures.uniqueEmail()
            let trailingComma = #"{"email":"\#(email)","password":"long enough",}"#
            let refused = await TestEvent("POST", "/api/users", body: trailingComma).send(to: signUp)
            #expect(refused.status == 400)
            #expect(refused.code == "invalid_json")
            #expect(
                refused.json["detail"] as? String
                    == "the body is not valid JSON: a trailing comma at byte \(trailingComma.utf8.count - 1)")
        }
    }

    @Test func bodiesRFC8259AllowsAreAcceptedThroughTheRoutes() async throws {
        try await CollectionClient.withNewUser(of: .charts) { client in
            for body in Self.accepted {
                let created = await client.create(body)
                #expect(created.status == 201, "\(body.debugDescription): \(created.body ?? "")")
            }
            let escaped = await client.create(Self.accepted[1])
            #expect(escaped.json["name"] as? String == "Daily / \"q\" 📈 é")
            #expect(await client.create(Self.accepted[2]).json["name"] as? String == "Daily", "the last of a key wins")
        }
    }

    @Test func queuedIngestionMessagesAreReadAsStrictly() throws {
        let candle = #"{"symbol":"AAPL","t":"2026-11-25T13:00:00.000Z","o":1,"h":1,"l":1,"c":1,"v":0}"#
        #expect(try IngestEvent.candles(inBody: #"{"candles":[\#(candle)]}"#).count == 1)
        for body in [
            #"{"candles":[\#(candle),]}"#, #"{"candles":[\#(candle)],}"#, "\u{FEFF}{\"candles\":[]}",
            #"{"candles":[]} x"#, #"{"candles":[{"symbol":'AAPL'}]}"#,
        ] {
            #expect(throws: IngestEventError.self, "\(body)") { try IngestEvent.candles(inBody: body) }
        }
    }

    /// An event for `route` (`PATCH /api/charts/{id}`) with `body` as API Gateway sends bytes
    /// that may not be UTF-8: base64-encoded.
    static func event(route: String, body: [UInt8]) -> APIGatewayV2Request {
        let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
        let id = UUID().uuidString.lowercased()
        var event = TestEvent(parts[0], parts[1], pathParameters: parts[1].contains("{id}") ? ["id": id] : [:]).event
        event.body = Data(body).base64EncodedString()
        event.isBase64Encoded = true
        return event
    }
}
