import AWSSigning
import Foundation
import NIOHTTP1
import TestSupport

/// Plays SQS's `SendMessageBatch` for the stand-in server: checks that a request is one, signed
/// with the test credentials, and writes SQS's answers.
enum SQSStandIn {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDFEEDTESTS", secretAccessKey: "feed-tests-secret-key", sessionToken: "feed-tests-session")
    static let region = "eu-west-1"
    static let queueURL = "https://sqs.eu-west-1.amazonaws.com/123456789012/candles"

    /// A request's body as SQS reads it.
    struct Batch: Decodable {
        struct Entry: Decodable {
            var Id: String
            var MessageBody: String
        }

        var QueueUrl: String
        var Entries: [Entry]
    }

    static func batch(_ request: StandInServer.Request) throws -> Batch {
        try JSONDecoder().decode(Batch.self, from: Data(request.body))
    }

    /// What SQS would refuse in `request`, or nothing: the target and content type of a
    /// `SendMessageBatch`, and a signature that checks out for the test credentials over every
    /// header SQS needs signed.
    static func problems(_ request: StandInServer.Request) -> [String] {
        var problems: [String] = []
        if request.method != .POST { problems.append("method \(request.method)") }
        if request.headers.first(name: "x-amz-target") != "AmazonSQS.SendMessageBatch" {
            problems.append("x-amz-target \(request.headers.first(name: "x-amz-target") ?? "missing")")
        }
        if request.headers.first(name: "content-type") != "application/x-amz-json-1.0" {
            problems.append("content-type \(request.headers.first(name: "content-type") ?? "missing")")
        }
        guard let authorization = request.headers.first(name: "authorization") else {
            return problems + ["no authorization header"]
        }
        let signedNames =
            authorization.split(separator: " ").first { $0.hasPrefix("SignedHeaders=") }?
            .dropFirst("SignedHeaders=".count).dropLast().split(separator: ";").map(String.init) ?? []
        for required in ["content-type", "host", "x-amz-date", "x-amz-security-token", "x-amz-target"]
        where !signedNames.contains(required) {
            problems.append("\(required) is not signed")
        }
        let style = Date.ISO8601FormatStyle(
            dateSeparator: .omitted, dateTimeSeparator: .standard, timeSeparator: .omitted)
        guard let amzDate = request.headers.first(name: "x-amz-date"), let date = try? Date(amzDate, strategy: style)
        else {
            return problems + ["no x-amz-date"]
        }
        let target = request.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let signable = SignableRequest(
            method: request.method.rawValue,
            path: String(target[0]),
            query: target.count > 1 ? String(target[1]) : "",
            headers: signedNames.flatMap { name in request.headers[name].map { SignableRequest.Header(name, $0) } },
            body: request.body)
        let expected = SigV4Signer(credentials: credentials, region: region, service: "sqs").sign(signable, at: date)
        if expected.authorization != authorization {
            problems.append("the signature does not check out: expected \(expected.authorization)")
        }
        return problems
    }

    /// SQS's answer: the given entries failed, the others of `request` went through.
    static func answer(
        to request: StandInServer.Request, failing: [(id: String, senderFault: Bool, code: String)] = []
    ) -> StandInServer.Reply {
        let ids = (try? batch(request).Entries.map(\.Id)) ?? []
        let successful = ids.filter { id in !failing.contains { $0.id == id } }.map {
            #"{"Id":"\#($0)","MessageId":"\#(UUID().uuidString.lowercased())","MD5OfMessageBody":"0"}"#
        }
        let failed = failing.map {
            #"{"Id":"\#($0.id)","SenderFault":\#($0.senderFault),"Code":"\#($0.code)","Message":"stand-in"}"#
        }
        return .answer(
            status: 200, headers: [("content-type", "application/x-amz-json-1.0")],
            body:
                #"{"Successful":[\#(successful.joined(separator: ","))],"Failed":[\#(failed.joined(separator: ","))]}"#)
    }
}
