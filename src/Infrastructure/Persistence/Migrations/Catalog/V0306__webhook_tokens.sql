-- A hook's access to its provider's API, for downloading the logs of failed jobs: the token is
-- encrypted with ASP.NET Data Protection (never readable from the database alone), and the API
-- address is NULL for the provider's default. The last fetch error is what the hook list shows.
CREATE TABLE webhook_tokens (
    webhook_id          uuid        PRIMARY KEY REFERENCES webhooks (id) ON DELETE CASCADE,
    token_protected     text,
    api_base_url        text,
    last_fetch_error    text,
    last_fetch_error_at timestamptz,
    last_fetched_at     timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- Logs of failed jobs waiting to be downloaded, across tenants (like the alert outbox), so one query
-- finds what is due. A claim pushes next_attempt_at a lease ahead, so a crashed worker's claim
-- lapses and another instance takes it; job_id is the row of the tenant's job_runs.
CREATE TABLE log_fetches (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    webhook_id      uuid        NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    job_id          bigint      NOT NULL,
    provider        text        NOT NULL CHECK (provider IN ('github', 'gitlab')),
    project         text        NOT NULL,
    external_job_id text        NOT NULL,
    instance_url    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    done_at         timestamptz,
    outcome         text        CHECK (outcome IN ('stored', 'gave_up')),
    last_error      text,
    UNIQUE (tenant_id, job_id)
);
CREATE INDEX log_fetches_due ON log_fetches (next_attempt_at) INCLUDE (tenant_id) WHERE done_at IS NULL;
CREATE INDEX log_fetches_by_webhook ON log_fetches (webhook_id) WHERE done_at IS NULL;
