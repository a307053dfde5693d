extension Migrations {
    /// The least-privileged role of the API functions (``ApplicationRole``), with what they need
    /// of each table and nothing more; and the end of `failed_logins`, which no function has
    /// written since migration 4.
    ///
    /// Roles belong to the cluster, not the database: the role may exist already (another
    /// database of the same server, or a runner that raced this one), which is not an error.
    /// It has no password here; on AWS it signs in through RDS Proxy with IAM, and `Migrate`
    /// gives it the password that the proxy keeps in its secret.
    static let applicationRole = Migration(
        version: 6,
        name: "application_role",
        statements: [
            """
            DO $$
            BEGIN
                CREATE ROLE \(ApplicationRole.name) LOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END
            $$
            """,
            "DROP TABLE failed_logins",
            "GRANT USAGE ON SCHEMA public TO \(ApplicationRole.name)",
            """
            GRANT SELECT, INSERT, UPDATE, DELETE
            ON users, refresh_tokens, failed_attempts, charts, watchlists, alerts, candles
            TO \(ApplicationRole.name)
            """,
        ]
    )
}
