import AWSSigning
import Foundation
import Testing

@Suite struct SigV4PresigningTests {
    /// AWS's example credentials and the signer of S3's "Example: Query string authentication".
    static let exampleSigner = SigV4Signer(
        credentials: AWSCredentials(
            accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "s3")
    /// 2013-05-24T00:00:00Z.
    static let exampleDate = Date(timeIntervalSince1970: 1_369_353_600)

    /// From the Amazon S3 API Reference, "Authenticating Requests: Using Query Parameters".
    @Test func reproducesS3sPublishedPresignedURL() throws {
        let request = try #require(
            SignableRequest(method: "GET", url: "https://examplebucket.s3.amazonaws.com/test.txt"))
        let signature = Self.exampleSigner.presign(
            request, expiresAfter: .seconds(86400), at: Self.exampleDate, signsPayload: false)
        #expect(
            signature.canonicalRequest == """
                GET
                /test.txt
                X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2F\
                aws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host
                host:examplebucket.s3.amazonaws.com

                host
                UNSIGNED-PAYLOAD
                """)
        #expect(signature.signature == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
        #expect(
            signature.query
                == "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2F"
                + "aws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
    }

    @Test func theSessionTokenIsASignedQueryParameter() throws {
        var signer = Self.exampleSigner
        signer.credentials.sessionToken = "to/ken+="
        let request = try #require(
            SignableRequest(method: "GET", url: "https://examplebucket.s3.amazonaws.com/test.txt"))
        let signature = signer.presign(request, expiresAfter: .seconds(60), at: Self.exampleDate)
        let canonicalQuery = signature.canonicalRequest.split(separator: "\n")[2]
        #expect(canonicalQuery.contains("&X-Amz-Security-Token=to%2Fken%2B%3D&X-Amz-SignedHeaders=host"))
        #expect(signature.query.contains("&X-Amz-Security-Token=to%2Fken%2B%3D&X-Amz-Signature="))
        #expect(!signature.canonicalRequest.contains("x-amz-security-token"))
    }

    @Test func theRequestsOwnParametersComeFirstAndTheSignaturesReplaceThem() throws {
        let request = try #require(
            SignableRequest(
                method: "GET",
                url: "https://examplebucket.s3.amazonaws.com/test.txt?b=2&X-Amz-Date=19990101T000000Z&a=1"
                    + "&X-Amz-Signature=stale"))
        let signature = Self.exampleSigner.presign(request, expiresAfter: .seconds(60), at: Self.exampleDate)
        #expect(signature.query.hasPrefix("b=2&a=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&"))
        #expect(signature.query.components(separatedBy: "X-Amz-Date=").count == 2)
        #expect(signature.query.components(separatedBy: "X-Amz-Signature=").count == 2)
        // The canonical query is sorted, whatever the order sent.
        #expect(signature.canonicalRequest.split(separator: "\n")[2].hasPrefix("X-Amz-Algorithm="))
        #expect(signature.canonicalRequest.split(separator: "\n")[2].hasSuffix("&a=1&b=2"))
    }

    @Test func everyHeaderOfTheRequestIsSigned() throws {
        let request = try #require(
            SignableRequest(
                method: "PUT", url: "https://examplebucket.s3.amazonaws.com/test.txt",
                headers: [SignableRequest.Header("Content-Type", "text/plain")]))
        let signature = Self.exampleSigner.presign(request, expiresAfter: .seconds(60), at: Self.exampleDate)
        #expect(signature.query.contains("&X-Amz-SignedHeaders=content-type%3Bhost&"))
    }

    @Test func theBodysHashIsSignedUnlessAskedNotTo() throws {
        let request = try #require(SignableRequest(method: "GET", url: "https://sts.amazonaws.com/"))
        let signature = Self.exampleSigner.presign(request, expiresAfter: .seconds(60), at: Self.exampleDate)
        #expect(
            signature.canonicalRequest.hasSuffix("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
    }
}
