-- Runs with search_path set to the tenant's schema. One row: the tenant's own settings.
CREATE TABLE settings (
    id                  boolean       PRIMARY KEY DEFAULT true CHECK (id),
    time_zone           text          NOT NULL DEFAULT 'UTC',
    runner_minute_price numeric(12,6) NOT NULL DEFAULT 0.008 CHECK (runner_minute_price >= 0),
    updated_at          timestamptz   NOT NULL DEFAULT now()
);
INSERT INTO settings DEFAULT VALUES;
