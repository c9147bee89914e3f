-- Redflag's picture of the CRM: one table per entity of the model (see connector MappingModel), one row
-- per CRM record, columns named after the model's properties. Rows deleted in the CRM stay with
-- deleted = TRUE (their history still tells a story: a key contact deleted is a signal).
-- Portable between H2 (embedded default) and PostgreSQL (production).

CREATE TABLE crm_user (
    id          VARCHAR(18) PRIMARY KEY,
    name        VARCHAR(255),
    email       VARCHAR(255),
    active      BOOLEAN NOT NULL,
    manager     VARCHAR(18),
    modified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted     BOOLEAN DEFAULT FALSE NOT NULL
);

CREATE TABLE account (
    id             VARCHAR(18) PRIMARY KEY,
    name           VARCHAR(255) NOT NULL,
    owner          VARCHAR(18) NOT NULL,
    parent         VARCHAR(18),
    tier           VARCHAR(255),
    segment        VARCHAR(255),
    annual_revenue NUMERIC(20, 2),
    change_event   VARCHAR(255),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted        BOOLEAN DEFAULT FALSE NOT NULL
);

CREATE TABLE account_history (
    id         VARCHAR(18) PRIMARY KEY,
    account    VARCHAR(18) NOT NULL,
    field      VARCHAR(255) NOT NULL,
    old_value  VARCHAR(4000),
    new_value  VARCHAR(4000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted    BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX account_history_account ON account_history (account);

CREATE TABLE contact (
    id               VARCHAR(18) PRIMARY KEY,
    account          VARCHAR(18),
    name             VARCHAR(255),
    title            VARCHAR(255),
    email            VARCHAR(255),
    left_company     BOOLEAN,
    email_bounced_at TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted          BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX contact_account ON contact (account);

CREATE TABLE contact_role (
    id          VARCHAR(18) PRIMARY KEY,
    opportunity VARCHAR(18) NOT NULL,
    contact     VARCHAR(18) NOT NULL,
    role        VARCHAR(40),
    is_primary  BOOLEAN,
    modified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted     BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX contact_role_opportunity ON contact_role (opportunity);
CREATE INDEX contact_role_contact ON contact_role (contact);

CREATE TABLE opportunity (
    id          VARCHAR(18) PRIMARY KEY,
    account     VARCHAR(18),
    name        VARCHAR(255),
    stage       VARCHAR(40) NOT NULL,
    amount      NUMERIC(20, 2),
    close_date  DATE,
    next_step   VARCHAR(255),
    loss_reason VARCHAR(255),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted     BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX opportunity_account ON opportunity (account);

CREATE TABLE opportunity_history (
    id          VARCHAR(18) PRIMARY KEY,
    opportunity VARCHAR(18) NOT NULL,
    stage       VARCHAR(255),
    amount      NUMERIC(20, 2),
    close_date  DATE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted     BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX opportunity_history_opportunity ON opportunity_history (opportunity);

CREATE TABLE task (
    id           VARCHAR(18) PRIMARY KEY,
    account      VARCHAR(18),
    contact      VARCHAR(18),
    owner        VARCHAR(18),
    kind         VARCHAR(40),
    direction    VARCHAR(40),
    outcome      VARCHAR(40),
    subject      VARCHAR(255),
    closed       BOOLEAN,
    due_date     DATE,
    completed_at TIMESTAMP WITH TIME ZONE,
    modified_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted      BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX task_account ON task (account);

CREATE TABLE event (
    id          VARCHAR(18) PRIMARY KEY,
    account     VARCHAR(18),
    contact     VARCHAR(18),
    owner       VARCHAR(18),
    start_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome     VARCHAR(40),
    subject     VARCHAR(255),
    modified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted     BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX event_account ON event (account);

CREATE TABLE support_case (
    id          VARCHAR(18) PRIMARY KEY,
    account     VARCHAR(18),
    contact     VARCHAR(18),
    subject     VARCHAR(255),
    priority    VARCHAR(40),
    escalated   BOOLEAN,
    closed      BOOLEAN,
    opened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at   TIMESTAMP WITH TIME ZONE,
    modified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted     BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX support_case_account ON support_case (account);

-- Where each object's incremental sync stands: the last (SystemModstamp, Id) it stored. Moved in the same
-- transaction as the records it covers.
CREATE TABLE sync_watermark (
    object_name VARCHAR(80) PRIMARY KEY,
    watermark   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_id     VARCHAR(18) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
