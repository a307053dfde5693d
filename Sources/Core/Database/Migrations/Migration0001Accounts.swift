extension Migrations {
    /// Users, their refresh-token families, and failed-login bookkeeping for throttling.
    static let accounts = Migration(
        version: 1,
        name: "accounts",
        statements: [
            """
            CREATE TABLE users (
                id uuid PRIMARY KEY,
                email text NOT NULL
                    CONSTRAINT users_email_format CHECK (
                        email = lower(email) AND char_length(email) BETWEEN 3 AND 254 AND email LIKE '_%@%.%'),
                password_hash text NOT NULL CONSTRAINT users_password_hash_format CHECK (password_hash LIKE '$2%'),
                display_name text NOT NULL
                    CONSTRAINT users_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 64),
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE UNIQUE INDEX users_email_key ON users (lower(email))",
            """
            CREATE TABLE refresh_tokens (
                token_hash bytea PRIMARY KEY CONSTRAINT refresh_tokens_hash_length CHECK (octet_length(token_hash) = 32),
                family_id uuid NOT NULL,
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                created_at timestamptz NOT NULL DEFAULT now(),
                expires_at timestamptz NOT NULL,
                spent_at timestamptz,
                revoked_at timestamptz
            )
            """,
            "CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)",
            "CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id)",
            """
            CREATE TABLE failed_logins (
                email text NOT NULL,
                attempted_at timestamptz NOT NULL DEFAULT clock_timestamp()
            )
            """,
            "CREATE INDEX failed_logins_email_time ON failed_logins (email, attempted_at)",
        ]
    )
}
