import Core
import Foundation
import FuzzSupport
import LambdaEvents

/// Bytes as a request body → `HTTPRequest.jsonObject()` → each collection's create and patch
/// reader, with the accepted values checked against shared/API.md's field rules.
@main
enum CollectionBodyFuzzer {
    static let symbolAlphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:/_-".utf8)

    static func run(_ bytes: [UInt8]) {
        let event = APIGatewayV2Request(
            routeKey: "POST /api/charts", rawPath: "/api/charts",
            requestContext: .init(
                accountId: "123456789012", apiId: "api", domainName: "localhost", domainPrefix: "localhost",
                http: .init(
                    method: "POST", path: "/api/charts", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "fuzz"),
                requestId: "fuzz", routeKey: "POST /api/charts", stage: "$default",
                time: "25/Nov/2026:12:00:00 +0000", timeEpoch: 1_795_608_000_000),
            body: Data(bytes).base64EncodedString(), isBase64Encoded: true)
        guard let body = try? HTTPRequest(event: event).jsonObject() else { return }
        for write in [CollectionWrite.create, .update] {
            read(Charts.self, body, write, required: ["name", "symbol", "interval", "layout"])
            read(Watchlists.self, body, write, required: ["name", "symbols"])
            read(Alerts.self, body, write, required: ["symbol", "condition", "price", "note", "status"])
        }
    }

    static func read<Kind: CollectionKind>(
        _ kind: Kind.Type, _ body: JSONObject, _ write: CollectionWrite, required: [String]
    ) {
        let values: [ColumnValue]
        do throws(APIError) {
            values = try Kind.values(from: body, for: write)
        } catch {
            guard case .validationFailed(let errors) = error, !errors.isEmpty else {
                expect(false, "\(Kind.name) refused a body with \(error)")
                return
            }
            return
        }
        let columns = values.map(\.column)
        expect(Set(columns).count == columns.count, "\(Kind.name) wrote a column twice: \(columns)")
        if write == .create {
            expect(required.allSatisfy(columns.contains), "\(Kind.name) created without all of \(required): \(columns)")
        }
        for value in values {
            switch (value.column, value.value) {
            case ("symbol", .text(let symbol)):
                expect(isSymbol(symbol), "\(Kind.name) accepted symbol \(symbol.debugDescription)")
            case ("symbols", .textArray(let symbols)):
                expect(symbols.allSatisfy(isSymbol), "\(Kind.name) accepted symbols \(symbols)")
                expect(Set(symbols).count == symbols.count, "\(Kind.name) accepted duplicate symbols \(symbols)")
                expect(symbols.count <= 1000, "\(Kind.name) accepted \(symbols.count) symbols")
            case ("price", .numeric(let price)):
                expect(isPrice(price), "\(Kind.name) accepted price \(price.debugDescription)")
            case ("name", .text(let name)):
                expect(
                    (1...100).contains(name.unicodeScalars.count), "\(Kind.name) accepted name \(name.debugDescription)"
                )
            case ("layout", .json(let layout)):
                expect(layout.utf8.count <= 65_536, "\(Kind.name) accepted a layout of \(layout.utf8.count) bytes")
            default:
                break
            }
        }
    }

    static func isSymbol(_ symbol: String) -> Bool {
        (1...32).contains(symbol.utf8.count) && symbol.utf8.allSatisfy(symbolAlphabet.contains)
    }

    /// Positive, plain positional, at most 8 decimal places and 20 significant digits.
    static func isPrice(_ price: String) -> Bool {
        let pieces = price.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let integer = pieces.first, !integer.isEmpty else { return false }
        let fraction = pieces.count == 2 ? pieces[1] : ""
        let digits = integer + fraction
        let significant = digits.drop { $0 == "0" }
        return digits.allSatisfy(\.isWholeNumber) && digits.allSatisfy(\.isASCII)
            && (pieces.count == 1 || !fraction.isEmpty)
            && (integer == "0" || integer.first != "0") && !significant.isEmpty && fraction.count <= 8
            && significant.count <= 20
    }
}

extension CollectionBodyFuzzer: FuzzTarget {
    static func fuzz(_ input: [UInt8]) -> String {
        run(input)
        return "no property broken"
    }
}
