/// What login and refresh return: a new access token and refresh token, and the user.
public struct Session: Sendable, Encodable {
    public var accessToken: String
    public var tokenType = "Bearer"
    /// The access token's lifetime in seconds.
    public var expiresIn: Int
    public var refreshToken: String
    public var user: User

    public init(accessToken: String, expiresIn: Int, refreshToken: String, user: User) {
        self.accessToken = accessToken
        self.expiresIn = expiresIn
        self.refreshToken = refreshToken
        self.user = user
    }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case refreshToken = "refresh_token"
        case user
    }
}
