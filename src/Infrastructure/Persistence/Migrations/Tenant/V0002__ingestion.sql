-- Runs with search_path set to the tenant's schema. Ids are bigint: 10M+ rows per tenant, and
-- every index over them is half the size of a uuid one.
CREATE TABLE repositories (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider       text NOT NULL,
    name           text NOT NULL,
    default_branch text,
    UNIQUE (provider, name)
);

CREATE TABLE pipelines (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository_id bigint NOT NULL REFERENCES repositories (id),
    name          text   NOT NULL,
    UNIQUE (repository_id, name)
);

CREATE TABLE pipeline_runs (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider      text        NOT NULL,
    external_id   text        NOT NULL,
    attempt       integer     NOT NULL,
    repository_id bigint      NOT NULL REFERENCES repositories (id),
    pipeline_id   bigint      NOT NULL REFERENCES pipelines (id),
    branch        text        NOT NULL,
    commit_sha    text,
    trigger       text,
    actor         text,
    status        text        NOT NULL,
    queued_at     timestamptz,
    started_at    timestamptz,
    finished_at   timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, external_id, attempt)
);
-- The explorer's default order, and its filters.
CREATE INDEX pipeline_runs_recent ON pipeline_runs ((coalesce(started_at, queued_at, updated_at)) DESC, id DESC);
CREATE INDEX pipeline_runs_by_repository ON pipeline_runs (repository_id, (coalesce(started_at, queued_at, updated_at)) DESC, id DESC);

CREATE TABLE job_runs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider        text        NOT NULL,
    external_id     text        NOT NULL,
    attempt         integer     NOT NULL,
    run_external_id text        NOT NULL,
    run_id          bigint      REFERENCES pipeline_runs (id),
    repository_id   bigint      NOT NULL REFERENCES repositories (id),
    pipeline_id     bigint      NOT NULL REFERENCES pipelines (id),
    branch          text        NOT NULL,
    commit_sha      text,
    name            text        NOT NULL,
    runner          text,
    status          text        NOT NULL,
    queued_at       timestamptz,
    started_at      timestamptz,
    finished_at     timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, external_id, attempt)
);
CREATE INDEX job_runs_of_run ON job_runs (run_id);
-- Jobs that arrived before their run, waiting to be linked.
CREATE INDEX job_runs_unlinked ON job_runs (provider, run_external_id) WHERE run_id IS NULL;
CREATE INDEX job_runs_recent ON job_runs ((coalesce(started_at, queued_at, updated_at)) DESC, id DESC);

CREATE TABLE job_logs (
    job_id        bigint      PRIMARY KEY REFERENCES job_runs (id),
    content_gzip  bytea       NOT NULL,
    original_size bigint      NOT NULL,
    stored_size   bigint      NOT NULL,
    truncated     boolean     NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now()
);

-- Finished jobs per hour and dimension, kept in step with job_runs in the same transaction, so
-- standard metrics never scan raw jobs.
CREATE TABLE job_rollups_hourly (
    hour          timestamptz NOT NULL,
    repository_id bigint      NOT NULL,
    pipeline_id   bigint      NOT NULL,
    job_name      text        NOT NULL,
    branch        text        NOT NULL,
    status        text        NOT NULL,
    jobs          bigint      NOT NULL,
    duration_ms   bigint      NOT NULL,
    queue_ms      bigint      NOT NULL,
    PRIMARY KEY (hour, repository_id, pipeline_id, job_name, branch, status)
);

-- Failed jobs with a log, waiting for the classifier.
CREATE TABLE classification_queue (
    job_id      bigint      PRIMARY KEY REFERENCES job_runs (id),
    enqueued_at timestamptz NOT NULL DEFAULT now(),
    attempts    integer     NOT NULL DEFAULT 0
);

-- Out-of-order delivery: a late "running" event never takes a finished run or job back.
CREATE FUNCTION merged_status(stored text, incoming text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN stored <> 'running' AND incoming = 'running' THEN stored ELSE incoming END $$;
