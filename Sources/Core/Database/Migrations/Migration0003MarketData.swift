extension Migrations {
    /// Candles of every chart interval, and what alerts need to fire.
    ///
    /// One table holds the stored 1-minute candles and every rollup, keyed by (symbol, interval,
    /// open time): a chart reads one index range whatever its interval. Prices and volumes are
    /// `numeric`, so no digit is lost, and read back as text.
    ///
    /// Alerts get `armed_at`, the moment they were created or last set `active`: a candle that
    /// closed before it never fires the alert. The partial index serves the evaluation after each
    /// ingestion, which looks only at active alerts of a symbol on the side of a price.
    static let marketData = Migration(
        version: 3,
        name: "market_data",
        statements: [
            """
            CREATE TABLE candles (
                symbol text NOT NULL CONSTRAINT candles_symbol_format CHECK (symbol ~ '^[A-Z0-9.:/_-]{1,32}$'),
                "interval" text NOT NULL
                    CONSTRAINT candles_interval_known CHECK (
                        "interval" IN ('1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d', '1w', '1M')),
                t timestamptz NOT NULL,
                open numeric NOT NULL,
                high numeric NOT NULL,
                low numeric NOT NULL,
                close numeric NOT NULL,
                volume numeric NOT NULL,
                PRIMARY KEY (symbol, "interval", t),
                CONSTRAINT candles_prices_positive CHECK (low > 0),
                CONSTRAINT candles_range CHECK (high >= greatest(open, close, low) AND low <= least(open, close)),
                CONSTRAINT candles_volume_non_negative CHECK (volume >= 0)
            )
            """,
            "ALTER TABLE alerts ADD COLUMN armed_at timestamptz",
            // Alerts from before this migration count as armed when they were last changed.
            "UPDATE alerts SET armed_at = updated_at",
            "ALTER TABLE alerts ALTER COLUMN armed_at SET NOT NULL, ALTER COLUMN armed_at SET DEFAULT now()",
            "CREATE INDEX alerts_active_price ON alerts (symbol, condition, price) WHERE status = 'active'",
        ]
    )
}
