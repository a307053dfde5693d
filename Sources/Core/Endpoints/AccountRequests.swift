/// The bodies of the account routes, read and validated.
public enum AccountRequests {
    /// `POST /api/users`
    public struct SignUp: Sendable {
        public var email: EmailAddress
        public var password: String
        public var displayName: String?
    }

    /// `POST /api/login`: only presence and type are checked, since a malformed email is simply
    /// not an account (401).
    public struct Credentials: Sendable {
        public var email: String
        public var password: String
    }

    /// `PATCH /api/me`
    public struct DisplayNameChange: Sendable {
        public var displayName: String
    }

    /// `PUT /api/me/password`
    public struct PasswordChange: Sendable {
        public var current: String
        public var new: String
    }

    /// `DELETE /api/me`: the account's password, confirming the deletion.
    public struct PasswordConfirmation: Sendable {
        public var password: String
    }

    static func signUp(_ request: HTTPRequest) throws -> SignUp {
        let body = try request.jsonObject()
        var errors = ValidationErrors()
        let emailText = body.string("email", required: true, errors: &errors)
        let password = body.string("password", required: true, errors: &errors)
        let displayNameText = body.string("display_name", required: false, errors: &errors)
        var email: EmailAddress?
        if let emailText {
            switch EmailAddress.parse(emailText) {
            case .success(let parsed): email = parsed
            case .failure(let error): errors.add(error)
            }
        }
        if let password { PasswordPolicy.validate(password, field: "password", errors: &errors) }
        let displayName = displayNameText.flatMap { DisplayName.validate($0, errors: &errors) }
        try errors.check()
        return SignUp(email: email!, password: password!, displayName: displayName)
    }

    static func credentials(_ request: HTTPRequest) throws -> Credentials {
        let body = try request.jsonObject()
        var errors = ValidationErrors()
        let email = body.string("email", required: true, errors: &errors)
        let password = body.string("password", required: true, errors: &errors)
        try errors.check()
        return Credentials(email: email!, password: password!)
    }

    static func refreshToken(_ request: HTTPRequest) throws -> RefreshToken {
        RefreshToken(value: try requiredString("refresh_token", in: request))
    }

    static func displayNameChange(_ request: HTTPRequest) throws -> DisplayNameChange {
        let body = try request.jsonObject()
        var errors = ValidationErrors()
        let text = body.string("display_name", required: true, errors: &errors)
        let name = text.flatMap { DisplayName.validate($0, errors: &errors) }
        try errors.check()
        return DisplayNameChange(displayName: name!)
    }

    static func passwordChange(_ request: HTTPRequest) throws -> PasswordChange {
        let body = try request.jsonObject()
        var errors = ValidationErrors()
        let current = body.string("current_password", required: true, errors: &errors)
        let new = body.string("new_password", required: true, errors: &errors)
        if let new { PasswordPolicy.validate(new, field: "new_password", errors: &errors) }
        try errors.check()
        return PasswordChange(current: current!, new: new!)
    }

    static func passwordConfirmation(_ request: HTTPRequest) throws -> PasswordConfirmation {
        PasswordConfirmation(password: try requiredString("password", in: request))
    }

    /// The one field of a body that is only a required string, read as every other field is, so
    /// that its errors (a body that is not an object, the field missing or not a string) are too.
    private static func requiredString(_ key: String, in request: HTTPRequest) throws -> String {
        let body = try request.jsonObject()
        var errors = ValidationErrors()
        let value = body.string(key, required: true, errors: &errors)
        try errors.check()
        return value!
    }
}
