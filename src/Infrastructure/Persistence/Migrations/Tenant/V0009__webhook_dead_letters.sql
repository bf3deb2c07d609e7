-- Runs with search_path set to the tenant's schema.

-- Provider deliveries Faultline could not store, kept exactly as received (body bytes, content type, the
-- provider's headers) so that nothing a provider sends is lost: the integrations page lists them, and a
-- replay runs the current mapping on them again. A row is deleted once its content is stored.
-- One row per (hook, delivery id): GitHub's redelivery of a failed delivery updates it. Deliveries
-- without an id (GitLab, Jenkins) get a row each, as NULLs are distinct.
CREATE TABLE webhook_dead_letters (
    id              uuid        PRIMARY KEY,
    hook_id         uuid        NOT NULL, -- catalog.webhooks (id); a replay still works after the hook is deleted
    provider        text        NOT NULL CHECK (provider IN ('github', 'gitlab', 'jenkins')),
    event_type      text        NOT NULL,
    delivery_id     text,
    content_type    text,
    headers         jsonb       NOT NULL,
    body            bytea       NOT NULL,
    reasons         text[]      NOT NULL CHECK (cardinality(reasons) > 0),
    attempts        integer     NOT NULL CHECK (attempts >= 1),
    received_at     timestamptz NOT NULL,
    last_attempt_at timestamptz NOT NULL CHECK (last_attempt_at >= received_at),
    UNIQUE (hook_id, delivery_id)
);
-- The integrations page's list: newest first, in keyset pages.
CREATE INDEX webhook_dead_letters_recent ON webhook_dead_letters (received_at DESC, id DESC);
