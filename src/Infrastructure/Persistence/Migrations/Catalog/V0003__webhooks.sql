-- Provider webhooks live in the catalog: a delivery names its hook before any tenant is known.
CREATE TABLE webhooks (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    provider         text        NOT NULL CHECK (provider IN ('github', 'gitlab', 'jenkins')),
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    secret           text        NOT NULL,
    created_at       timestamptz NOT NULL,
    last_delivery_at timestamptz
);
CREATE INDEX webhooks_by_tenant ON webhooks (tenant_id, created_at);

-- Deliveries already processed (GitHub's X-GitHub-Delivery), so a re-delivery is answered at once.
CREATE TABLE webhook_deliveries (
    webhook_id  uuid        NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    delivery_id text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (webhook_id, delivery_id)
);
