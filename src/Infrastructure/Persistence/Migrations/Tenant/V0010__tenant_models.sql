-- Runs with search_path set to the tenant's schema.

-- Models a tenant trained on its own labelled jobs: the card (figures, classes, featurizer version) and the ONNX model
-- served for this tenant only. settings.classifier_model names one when it is active. A tenant keeps at most its
-- serving model and its newest candidate (training drops the others).
CREATE TABLE tenant_models (
    version            text        PRIMARY KEY,
    featurizer_version text        NOT NULL,
    card               jsonb       NOT NULL,
    onnx               bytea       NOT NULL,
    sha256             text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    created_at         timestamptz NOT NULL,
    created_by         text        NOT NULL
);
CREATE INDEX tenant_models_recent ON tenant_models (created_at DESC);
