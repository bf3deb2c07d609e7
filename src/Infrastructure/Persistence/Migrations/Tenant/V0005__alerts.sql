-- Runs with search_path set to the tenant's schema.

-- Where notifications go. A webhook's secret signs its deliveries; a Slack URL is its own secret.
CREATE TABLE alert_channels (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind       text        NOT NULL CHECK (kind IN ('slack', 'email', 'webhook')),
    url        text,
    recipients text[]      NOT NULL DEFAULT '{}',
    secret     text,
    created_at timestamptz NOT NULL,
    CHECK ((kind = 'email') = (url IS NULL))
);

-- A rule's query and condition are documents read and written whole, as dashboards' widgets are.
CREATE TABLE alert_rules (
    id                uuid        PRIMARY KEY,
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    description       text,
    enabled           boolean     NOT NULL,
    query             jsonb       NOT NULL,
    condition         jsonb       NOT NULL,
    window_minutes    integer     NOT NULL CHECK (window_minutes > 0),
    for_minutes       integer     NOT NULL CHECK (for_minutes >= 0),
    severity          text        NOT NULL,
    no_data           text        NOT NULL,
    on_error          text        NOT NULL,
    renotify_minutes  integer,
    channel_ids       uuid[]      NOT NULL DEFAULT '{}',
    muted_until       timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    -- The instant it was last evaluated for: an evaluation for the same instant or an earlier one is skipped.
    last_evaluated_at timestamptz,
    evaluations       bigint      NOT NULL DEFAULT 0,
    last_error        text
);

-- One row per rule and group ('' when the rule is not grouped, or for a group without a name).
CREATE TABLE alert_states (
    rule_id          uuid        NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    group_key        text        NOT NULL,
    grp              text,
    state            text        NOT NULL,
    since            timestamptz NOT NULL,
    value            float8,
    last_notified_at timestamptz,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    recent_values    float8[]    NOT NULL DEFAULT '{}',
    PRIMARY KEY (rule_id, group_key)
);

-- Everything that happened to rules and channels. Names are copied so history outlives deletions.
CREATE TABLE alert_history (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('state', 'delivery', 'mute', 'acknowledge', 'test')),
    rule_id      uuid,
    rule_name    text,
    grp          text,
    from_state   text,
    to_state     text,
    value        float8,
    threshold    float8,
    channel_id   uuid,
    channel_name text,
    attempt      integer,
    outcome      text,
    detail       text,
    actor        text
);
CREATE INDEX alert_history_by_rule ON alert_history (rule_id, id DESC);
CREATE INDEX alert_history_by_channel ON alert_history (channel_id, id DESC) WHERE channel_id IS NOT NULL;
