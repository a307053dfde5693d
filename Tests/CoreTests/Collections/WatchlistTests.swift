import Core
import Foundation
import TestSupport
import Testing

/// A watchlist's own fields: a name unique per user, and an ordered list of distinct symbols.
@Suite struct WatchlistTests {
    static func symbols(_ count: Int) -> [String] {
        (0..<count).map { "S\($0)" }
    }

    static func body(name: String = "Tech", symbols: [String]) -> String {
        let list = symbols.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"name":"\#(name)","symbols":[\#(list)]}"#
    }

    @Test func symbolsKeepTheirOrderAndAreUpperCased() async throws {
        try await CollectionClient.withNewUser(of: .watchlists) { client in
            let created = await client.create(Self.body(symbols: ["msft", "AAPL", "binance:btcusdt", "EUR/USD"]))
            #expect(created.status == 201)
            #expect(created.json["symbols"] as? [String] == ["MSFT", "AAPL", "BINANCE:BTCUSDT", "EUR/USD"])
            let empty = await client.create(#"{"name":"Empty"}"#)
            #expect(empty.json["symbols"] as? [String] == [])
            let id = try #require(created.json["id"] as? String)
            let reordered = await client.patch(id, #"{"symbols":["eur/usd","msft"]}"#)
            #expect(reordered.json["symbols"] as? [String] == ["EUR/USD", "MSFT"])
            #expect(reordered.json["name"] as? String == "Tech")
        }
    }

    @Test func aThousandSymbolsFitAndOneMoreIsRefused() async throws {
        try await CollectionClient.withNewUser(of: .watchlists) { client in
            let full = await client.create(Self.body(name: "Full", symbols: Self.symbols(1000)))
            #expect(full.status == 201)
            #expect((full.json["symbols"] as? [String])?.count == 1000)
            let over = await client.create(Self.body(name: "Over", symbols: Self.symbols(1001)))
            #expect(over.status == 422)
            #expect(over.errorCodes == ["symbols": "too_long"])
        }
    }

    @Test func aDuplicateSymbolIsA422NamingItsPosition() async throws {
        try await CollectionClient.withNewUser(of: .watchlists) { client in
            let duplicate = await client.create(Self.body(symbols: ["AAPL", "MSFT", "TSLA", "aapl"]))
            #expect(duplicate.status == 422)
            #expect(duplicate.errorCodes == ["symbols[3]": "duplicate"])
            let id = try await client.createValid()
            #expect(await client.patch(id, #"{"symbols":["X","Y","X"]}"#).errorCodes == ["symbols[2]": "duplicate"])
        }
    }

    @Test func eachSymbolIsValidated() async throws {
        try await CollectionClient.withNewUser(of: .watchlists) { client in
            let badElement = await client.create(#"{"name":"Bad","symbols":["AAPL",7,"A B",""]}"#)
            #expect(badElement.errorCodes == ["symbols[1]": "invalid_type"])
            let badSymbol = await client.create(Self.body(symbols: ["AAPL", "A B"]))
            #expect(badSymbol.errorCodes == ["symbols[1]": "invalid"])
            let long = await client.create(Self.body(symbols: [String(repeating: "A", count: 33)]))
            #expect(long.errorCodes == ["symbols[0]": "too_long"])
            let notAList = await client.create(#"{"name":"Bad","symbols":"AAPL"}"#)
            #expect(notAList.errorCodes == ["symbols": "invalid_type"])
        }
    }

    @Test func namesAreUniquePerUserRegardlessOfCase() async throws {
        try await TestDatabase.withServices { services in
            let client = try await CollectionClient.signUp(services, for: .watchlists)
            let other = try await CollectionClient.signUp(services, for: .watchlists)
            #expect(await client.create(Self.body(name: "Tech", symbols: [])).status == 201)
            for name in ["Tech", "tech", "TECH", " Tech "] {
                let taken = await client.create(Self.body(name: name, symbols: []))
                #expect(taken.status == 409, "\(name)")
                #expect(taken.code == "name_taken", "\(name)")
            }
            #expect(await other.create(Self.body(name: "tech", symbols: [])).status == 201, "another user's name")

            let energy = await client.create(Self.body(name: "Energy", symbols: []))
            let id = try #require(energy.json["id"] as? String)
            let rename = await client.patch(id, #"{"name":"TECH"}"#)
            #expect(rename.status == 409)
            #expect(rename.code == "name_taken")
            #expect(await client.patch(id, #"{"name":"ENERGY"}"#).status == 200, "its own name in another case")
            #expect(await client.get(id).json["name"] as? String == "ENERGY")
        }
    }

    @Test func concurrentCreatesOfOneNameLetExactlyOneThrough() async throws {
        try await TestDatabase.withServices(poolSize: 8) { services in
            let client = try await CollectionClient.signUp(services, for: .watchlists)
            let statuses = await withTaskGroup(of: TestResponse.self) { group in
                for index in 0..<10 {
                    let name = index.isMultiple(of: 2) ? "Crypto" : "CRYPTO"
                    group.addTask { await client.create(Self.body(name: name, symbols: [])) }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0.status == 201 }.count == 1)
            #expect(statuses.filter { $0.code == "name_taken" }.count == 9)
            #expect(try await client.storedCount() == 1)
        }
    }

    @Test func namesFollowTheNameRules() async throws {
        try await CollectionClient.withNewUser(of: .watchlists) { client in
            let hundred = String(repeating: "w", count: 100)
            #expect(await client.create(Self.body(name: hundred, symbols: [])).status == 201)
            #expect(await client.create(Self.body(name: hundred + "w", symbols: [])).errorCodes == ["name": "too_long"])
            #expect(await client.create(Self.body(name: "", symbols: [])).errorCodes == ["name": "too_short"])
            #expect(await client.create(Self.body(name: #"a\u001Bb"#, symbols: [])).errorCodes == ["name": "invalid"])
            #expect(await client.create(#"{"symbols":[]}"#).errorCodes == ["name": "required"])
        }
    }
}
