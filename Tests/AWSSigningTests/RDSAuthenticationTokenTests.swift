import AWSSigning
import Foundation
import Testing

@Suite struct RDSAuthenticationTokenTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    /// 2015-08-30T12:36:00Z.
    static let date = Date(timeIntervalSince1970: 1_440_938_160)

    /// What to ask the CLI and ourselves for.
    struct Case: Sendable, CustomTestStringConvertible {
        var hostname = "chronoview.cluster-abc123.eu-west-1.rds.amazonaws.com"
        var port = 5432
        var username = "chronoview_app"
        var sessionToken: String?
        var testDescription: String

        static let all = [
            Case(testDescription: "long-term credentials"),
            Case(sessionToken: "IQoJb3JpZ2luX2VjE/temporary+token==", testDescription: "temporary credentials"),
            Case(username: "app user+x@/é", testDescription: "a user name to percent-encode"),
            Case(hostname: "[2001:db8::1]", testDescription: "an IPv6 address"),
            Case(hostname: "Proxy.Example.com", port: 443, testDescription: "a capitalised host on port 443"),
        ]
    }

    @Test(
        .enabled(if: AWSCLI.isConfigured, "CHRONOVIEW_AWS_CLI is not set: ./build.sh test installs the AWS CLI"),
        arguments: Case.all)
    func equalsTheTokenOfTheAWSCLI(_ testCase: Case) async throws {
        var credentials = Self.credentials
        credentials.sessionToken = testCase.sessionToken
        var environment = [
            "AWS_ACCESS_KEY_ID": credentials.accessKeyID, "AWS_SECRET_ACCESS_KEY": credentials.secretAccessKey,
        ]
        environment["AWS_SESSION_TOKEN"] = credentials.sessionToken
        let theirs = try await AWSCLI.generateDBAuthToken(
            hostname: testCase.hostname, port: testCase.port, username: testCase.username, region: "eu-west-1",
            credentials: environment)
        // The CLI signs as of now, which we cannot set: sign ours as of the moment it did.
        let timestamp = try #require(
            theirs.split(separator: "&").first { $0.hasPrefix("X-Amz-Date=") }?.dropFirst("X-Amz-Date=".count))
        let date = try Date(String(timestamp), strategy: Self.timestampStyle)

        let ours = RDSAuthenticationToken(
            hostname: testCase.hostname, port: testCase.port, username: testCase.username, region: "eu-west-1",
            credentials: credentials, at: date)
        #expect(ours.value == theirs)
    }

    @Test func isAPresignedConnectRequestForFifteenMinutes() {
        let token = RDSAuthenticationToken(
            hostname: "db.example.com", port: 5432, username: "app", region: "eu-west-1",
            credentials: Self.credentials, at: Self.date)
        #expect(
            token.value.hasPrefix(
                "db.example.com:5432/?Action=connect&DBUser=app&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                    + "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Feu-west-1%2Frds-db%2Faws4_request"
                    + "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature="))
    }

    @Test func itsDescriptionNamesTheEndpointOnly() {
        let token = RDSAuthenticationToken(
            hostname: "db.example.com", port: 5432, username: "app", region: "eu-west-1",
            credentials: Self.credentials, at: Self.date)
        #expect(token.description == "RDSAuthenticationToken(db.example.com:5432)")
    }

    /// `X-Amz-Date`'s form: `20150830T123600Z`.
    private static let timestampStyle = Date.ISO8601FormatStyle(
        dateSeparator: .omitted, dateTimeSeparator: .standard, timeSeparator: .omitted, timeZone: .gmt)
}
