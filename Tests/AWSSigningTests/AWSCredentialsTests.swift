import AWSSigning
import Testing

@Suite struct AWSCredentialsTests {
    @Test func readsLambdasVariables() {
        let environment = [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "token",
        ]
        let credentials = AWSCredentials { environment[$0] }
        #expect(credentials == AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token"))
    }

    @Test func anEmptySessionTokenMeansLongTermKeys() {
        let environment = ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": ""]
        #expect(AWSCredentials { environment[$0] }?.sessionToken == nil)
    }

    @Test func aMissingKeyMeansNoCredentials() {
        let environment = ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": ""]
        #expect(AWSCredentials { environment[$0] } == nil)
    }

    @Test func theDescriptionNeverShowsTheSecret() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "very-secret", sessionToken: "token")
        #expect(!"\(credentials)".contains("very-secret"))
        #expect(!"\(credentials)".contains("token"))
    }
}
