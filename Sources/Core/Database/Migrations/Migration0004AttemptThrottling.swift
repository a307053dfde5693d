extension Migrations {
    /// Failed password checks keyed by a digest of their subject instead of a plaintext email,
    /// for logins and for current-password checks alike, with indexes for the bounded purges of
    /// expired throttle rows and refresh tokens.
    ///
    /// `failed_logins` is emptied, not dropped: functions of the previous release may still
    /// write to it while a deployment replaces them. A later migration drops it.
    static let attemptThrottling = Migration(
        version: 4,
        name: "attempt_throttling",
        statements: [
            """
            CREATE TABLE failed_attempts (
                subject bytea NOT NULL CONSTRAINT failed_attempts_subject_length CHECK (octet_length(subject) = 32),
                attempted_at timestamptz NOT NULL DEFAULT clock_timestamp()
            )
            """,
            "CREATE INDEX failed_attempts_subject_time ON failed_attempts (subject, attempted_at)",
            "CREATE INDEX failed_attempts_time ON failed_attempts (attempted_at)",
            "TRUNCATE failed_logins",
            "CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at)",
        ]
    )
}
