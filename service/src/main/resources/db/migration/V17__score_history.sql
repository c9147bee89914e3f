-- Each assessment's score and level alone, written with it (by AssessmentStore): what reads scores over time (the
-- portfolio's drops and weekly levels, the trend's earlier score, an account's score history) reads this narrow
-- table, not the assessment rows, each of which carries its findings document (KBs): reading those cost seconds.
-- superseded_at is the as-of of the account's next assessment (null while this one is its latest): the scores in
-- force at any instant are one range of an index, with no per-account look-up of the latest before it.
CREATE TABLE score_history (
    assessment_id BIGINT PRIMARY KEY,
    account_id    VARCHAR(18) NOT NULL,
    as_of         TIMESTAMP WITH TIME ZONE NOT NULL,
    superseded_at TIMESTAMP WITH TIME ZONE,
    score         INT NOT NULL,
    level         VARCHAR(20) NOT NULL,
    trend         INT
);
-- The next assessment is the next id, as account_score takes the highest id for the latest.
INSERT INTO score_history (assessment_id, account_id, as_of, superseded_at, score, level, trend)
    SELECT id, account_id, as_of, LEAD(as_of) OVER (PARTITION BY account_id ORDER BY id), score, level, trend
    FROM assessment;
-- One account's scores in time order (its history, its score on a day).
CREATE INDEX score_history_account_as_of ON score_history (account_id, as_of, score, level);
-- The scores in force at an instant or later; covering, so H2 reads no table row.
CREATE INDEX score_history_superseded_at ON score_history (superseded_at, account_id, as_of, score, level);
-- The won deals of a period (the portfolio's revenue at risk), from the index alone.
CREATE INDEX opportunity_won ON opportunity (stage, close_date, account, amount, deleted);
