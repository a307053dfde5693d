import AWSSigning
import Testing

/// What the signer does beyond the published cases.
@Suite struct SigV4SignerTests {
    @Test func addsTheDateTheTokenThePayloadHashAndTheAuthorizationHeaders() {
        let vector = SigV4SuiteVector.postCases.first { $0.name == "post-x-www-form-urlencoded" }!
        var signer = vector.signer
        signer.credentials.sessionToken = "token"
        let signature = signer.sign(vector.request, at: SigV4SuiteVector.date, includesPayloadHash: true)
        #expect(
            signature.headers.map(\.name) == [
                "x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "authorization",
            ])
        #expect(
            signature.headers.map(\.value) == [
                "20150830T123600Z", "token", "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
                signature.authorization,
            ])
    }

    @Test func headersTheSignatureAddsReplaceTheRequestsOwn() {
        let vector = SigV4SuiteVector.getCases.first { $0.name == "get-vanilla" }!
        var request = vector.request
        request.headers += [
            SignableRequest.Header("X-Amz-Date", "19990101T000000Z"),
            SignableRequest.Header("Authorization", "stale"),
        ]
        let signature = vector.signer.sign(request, at: SigV4SuiteVector.date)
        #expect(signature.authorization == vector.authorization)
    }

    @Test func thePathIsEncodedOnceMoreAsServicesOtherThanS3Expect() {
        let vector = SigV4SuiteVector.getCases.first { $0.name == "get-vanilla" }!
        var request = vector.request
        request.path = "/@connections/a%3Db"
        let signature = vector.signer.sign(request, at: SigV4SuiteVector.date)
        #expect(signature.canonicalRequest.split(separator: "\n")[1] == "/%40connections/a%253Db")
    }
}
