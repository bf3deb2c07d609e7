-- Runs with search_path set to the tenant's schema.

-- A dashboard sent on a cadence. next_run_at is the next due time (UTC) of the cadence in time_zone.
CREATE TABLE report_schedules (
    id               uuid        PRIMARY KEY,
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    dashboard_id     uuid        NOT NULL REFERENCES dashboards (id) ON DELETE CASCADE,
    range_code       text        NOT NULL,
    filters          jsonb       NOT NULL,
    recipients       text[]      NOT NULL CHECK (cardinality(recipients) BETWEEN 1 AND 100),
    slack_channel_id uuid        REFERENCES alert_channels (id) ON DELETE SET NULL,
    frequency        text        NOT NULL CHECK (frequency IN ('daily', 'weekly', 'monthly')),
    at_time          time        NOT NULL,
    weekday          smallint    CHECK (weekday BETWEEN 0 AND 6),
    day_of_month     smallint    CHECK (day_of_month BETWEEN 1 AND 31),
    time_zone        text        NOT NULL,
    format           text        NOT NULL CHECK (format IN ('pdf', 'pdf_and_csv')),
    paused           boolean     NOT NULL DEFAULT false,
    next_run_at      timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX report_schedules_due ON report_schedules (next_run_at) WHERE NOT paused;

-- One run of a schedule. A scheduled run is unique per (schedule, due time): the claim that inserts it is what makes
-- a due time run once across instances. Manual runs (send now) have no due time. A run still 'running' past its lease
-- was interrupted and is taken over (attempt counts up; only the holder of the latest attempt may finish it).
CREATE TABLE report_runs (
    id               uuid        PRIMARY KEY,
    schedule_id      uuid        NOT NULL REFERENCES report_schedules (id) ON DELETE CASCADE,
    due_at           timestamptz,
    triggered_by     text        NOT NULL CHECK (triggered_by IN ('schedule', 'manual')),
    status           text        NOT NULL CHECK (status IN ('running', 'sent', 'failed')),
    attempt          integer     NOT NULL DEFAULT 1,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    duration_ms      integer,
    size_bytes       bigint,
    pages            integer,
    range_from       timestamptz,
    range_to         timestamptz,
    recipients       text[]      NOT NULL DEFAULT '{}',
    errors           text[]      NOT NULL DEFAULT '{}',
    -- The Slack message (summary and signed link), sent after the run with its own retries.
    slack_channel_id uuid,
    slack_message    text,
    slack_attempts   integer     NOT NULL DEFAULT 0,
    slack_next_at    timestamptz,
    slack_sent_at    timestamptz,
    slack_error      text,
    UNIQUE (schedule_id, due_at)
);
CREATE INDEX report_runs_by_schedule ON report_runs (schedule_id, started_at DESC);
CREATE INDEX report_runs_running ON report_runs (started_at) WHERE status = 'running';
CREATE INDEX report_runs_slack_due ON report_runs (slack_next_at) WHERE slack_next_at IS NOT NULL;

-- The files a run sent, downloadable until expires_at (the retention period); a cleanup deletes them after.
CREATE TABLE report_files (
    run_id       uuid        NOT NULL REFERENCES report_runs (id) ON DELETE CASCADE,
    kind         text        NOT NULL CHECK (kind IN ('pdf', 'csv')),
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    content      bytea       NOT NULL,
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (run_id, kind)
);
CREATE INDEX report_files_expiry ON report_files (expires_at);
