-- Runs with search_path set to the catalog schema.
CREATE TABLE tenants (
    id          uuid        PRIMARY KEY,
    key         text        NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]{2,39}$'),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    schema_name text        NOT NULL UNIQUE CHECK (schema_name = 't_' || key),
    created_at  timestamptz NOT NULL
);
