-- Runs with search_path set to the tenant's schema.

-- The tenant's choice of classification model; NULL means the shipped default.
ALTER TABLE settings
    ADD COLUMN classifier_model text,
    ADD COLUMN challenger_model text,
    ADD COLUMN challenger_share real NOT NULL DEFAULT 0;

-- New failures (priority 0) go before re-classified history (priority 1); a claim holds a job for
-- a while so two workers never classify it at once, and lapses if its worker dies.
ALTER TABLE classification_queue
    ADD COLUMN priority smallint NOT NULL DEFAULT 0,
    ADD COLUMN claimed_until timestamptz;
CREATE INDEX classification_queue_next ON classification_queue (priority, enqueued_at);

-- The served answer (or a person's correction, source = 'feedback', which re-classification keeps).
ALTER TABLE job_classifications
    ADD COLUMN probabilities jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN key_lines jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN source text NOT NULL DEFAULT 'model',
    ADD COLUMN predicted_category text;

-- Every model's answer for a job, to compare an active model with its challenger.
CREATE TABLE job_predictions (
    job_id        bigint      NOT NULL REFERENCES job_runs (id),
    model_version text        NOT NULL,
    category      text        NOT NULL,
    confidence    real        NOT NULL,
    probabilities jsonb       NOT NULL,
    served        boolean     NOT NULL,
    predicted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, model_version)
);

-- What people said a failed job's category is; the next training set reads it.
CREATE TABLE classification_feedback (
    job_id             bigint      PRIMARY KEY REFERENCES job_runs (id),
    category           text        NOT NULL,
    predicted_category text,
    model_version      text,
    actor              text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX classification_feedback_recent ON classification_feedback (created_at DESC);

-- The job's last successful run with a log, for telling cause from everyday noise.
CREATE INDEX job_runs_successful_logs ON job_runs (repository_id, pipeline_id, name, finished_at DESC) WHERE status = 'success';
