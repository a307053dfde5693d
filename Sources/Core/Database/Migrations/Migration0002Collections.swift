extension Migrations {
    /// Charts, watchlists and price alerts: the three collections each user owns.
    ///
    /// Every table has the same frame (id, owner, timestamps, version) and an index on
    /// (user_id, created_at DESC, id DESC) that serves both the newest-first keyset pagination and
    /// the cascade when a user is deleted. The checks repeat the API's rules so that no code path
    /// can store what the API would refuse; the API validates first and explains, the database is
    /// the backstop.
    static let collections = Migration(
        version: 2,
        name: "collections",
        statements: [
            """
            CREATE TABLE charts (
                id uuid PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                name text NOT NULL CONSTRAINT charts_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
                symbol text NOT NULL CONSTRAINT charts_symbol_format CHECK (symbol ~ '^[A-Z0-9.:/_-]{1,32}$'),
                "interval" text NOT NULL
                    CONSTRAINT charts_interval_known CHECK (
                        "interval" IN ('1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d', '1w', '1M')),
                -- The API measures the 65,536-byte limit on compact JSON; jsonb's text form adds a
                -- space after every ':' and ',' (at most half as much again), hence the looser bound.
                layout jsonb NOT NULL DEFAULT '{}'
                    CONSTRAINT charts_layout_object CHECK (jsonb_typeof(layout) = 'object')
                    CONSTRAINT charts_layout_size CHECK (octet_length(layout::text) <= 131072),
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                version integer NOT NULL DEFAULT 1 CONSTRAINT charts_version_positive CHECK (version >= 1)
            )
            """,
            "CREATE INDEX charts_user_newest ON charts (user_id, created_at DESC, id DESC)",
            """
            CREATE TABLE watchlists (
                id uuid PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                name text NOT NULL CONSTRAINT watchlists_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
                -- Ordered as the user arranged them; one dimension, no nulls, each a valid symbol
                -- (joined with a space, which no symbol contains, to check them all in one regex).
                symbols text[] NOT NULL DEFAULT '{}'
                    CONSTRAINT watchlists_symbols_count CHECK (
                        cardinality(symbols) <= 1000 AND coalesce(array_ndims(symbols), 1) = 1)
                    CONSTRAINT watchlists_symbols_format CHECK (
                        array_position(symbols, NULL) IS NULL
                        AND array_to_string(symbols, ' ') ~ '^([A-Z0-9.:/_-]{1,32}( [A-Z0-9.:/_-]{1,32})*)?$'),
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                version integer NOT NULL DEFAULT 1 CONSTRAINT watchlists_version_positive CHECK (version >= 1)
            )
            """,
            "CREATE INDEX watchlists_user_newest ON watchlists (user_id, created_at DESC, id DESC)",
            // Names are unique per user case-insensitively; concurrent creates cannot both pass it.
            "CREATE UNIQUE INDEX watchlists_user_name_key ON watchlists (user_id, lower(name))",
            """
            CREATE TABLE alerts (
                id uuid PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                symbol text NOT NULL CONSTRAINT alerts_symbol_format CHECK (symbol ~ '^[A-Z0-9.:/_-]{1,32}$'),
                condition text NOT NULL CONSTRAINT alerts_condition_known CHECK (condition IN ('above', 'below')),
                -- Unconstrained numeric keeps the digits as given ("212.50" stays "212.50"); the
                -- checks bound it to 20 significant digits and 8 decimal places.
                price numeric NOT NULL
                    CONSTRAINT alerts_price_positive CHECK (price > 0)
                    CONSTRAINT alerts_price_digits CHECK (
                        scale(price) <= 8 AND char_length(ltrim(replace(price::text, '.', ''), '0')) <= 20),
                note text NOT NULL DEFAULT '' CONSTRAINT alerts_note_length CHECK (char_length(note) <= 500),
                status text NOT NULL DEFAULT 'active'
                    CONSTRAINT alerts_status_known CHECK (status IN ('active', 'disabled', 'triggered')),
                triggered_at timestamptz,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                version integer NOT NULL DEFAULT 1 CONSTRAINT alerts_version_positive CHECK (version >= 1),
                CONSTRAINT alerts_triggered_at_with_status CHECK ((status = 'triggered') = (triggered_at IS NOT NULL))
            )
            """,
            "CREATE INDEX alerts_user_newest ON alerts (user_id, created_at DESC, id DESC)",
            "CREATE INDEX alerts_user_status_newest ON alerts (user_id, status, created_at DESC, id DESC)",
        ]
    )
}
