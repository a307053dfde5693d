import AWSSigning
import Testing

@Suite struct SigV4TestSuiteTests {
    @Test(arguments: SigV4SuiteVector.getCases + SigV4SuiteVector.postCases)
    func signsEachPublishedCaseExactlyAsAWSDoes(_ vector: SigV4SuiteVector) {
        let signature = vector.signer.sign(
            vector.request, at: SigV4SuiteVector.date, includesPayloadHash: vector.includesPayloadHash)
        #expect(signature.canonicalRequest == vector.canonicalRequest)
        #expect(signature.stringToSign == vector.stringToSign)
        #expect(signature.authorization == vector.authorization)
    }
}
