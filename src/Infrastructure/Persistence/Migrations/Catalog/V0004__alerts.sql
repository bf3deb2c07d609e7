-- Alert notifications waiting for delivery, across tenants (like the e-mail outbox), so one query
-- finds what is due. Rows are written in the same transaction as the state change that causes them.
CREATE TABLE alert_outbox (
    id              uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    rule_id         uuid        NOT NULL,
    channel_id      uuid        NOT NULL,
    notification    jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    done_at         timestamptz,
    last_error      text
);
CREATE INDEX alert_outbox_due ON alert_outbox (next_attempt_at) INCLUDE (tenant_id) WHERE done_at IS NULL;
CREATE INDEX alert_outbox_by_channel ON alert_outbox (tenant_id, channel_id) WHERE done_at IS NULL;

-- Quartz.NET's clustered ADO job store keeps its tables here too (catalog.qrtz_*); Quartz creates
-- what is missing at start (SchemaProvisioning), so its schema always matches its version.

-- One row per scheduled evaluation tick that ran: which instance ran it and how many rules it
-- evaluated (operations can see the scheduler is alive; tests see each minute ran once).
CREATE TABLE alert_evaluation_runs (
    fire_time       timestamptz NOT NULL PRIMARY KEY,
    instance_name   text        NOT NULL,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    rules_evaluated integer
);
