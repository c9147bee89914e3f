-- Accounts per level at the end of each day, counted per scope the portfolio filters by (owner, segment, tier, key
-- account or not), as the scoring left them: the portfolio's levels week by week read a dozen days of these few
-- rows, not every score span of twelve weeks (which grows with how often scores change). Written by
-- AssessmentStore after each scoring run: the run's day is counted again and its rows replaced. A day with no run
-- has no rows: the levels then stood as on the last day before it that has them. Days before the first run are not
-- known here (this table starts empty; the spans kept before it are not counted back).
CREATE TABLE level_day_taken (
    counted_on DATE PRIMARY KEY,
    taken_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE level_day (
    counted_on  DATE NOT NULL,
    owner       VARCHAR(18) NOT NULL,
    segment     VARCHAR(255),
    tier        VARCHAR(255),
    key_account BOOLEAN NOT NULL,
    level       VARCHAR(20) NOT NULL,
    accounts    INT NOT NULL
);
CREATE INDEX level_day_counted_on_owner ON level_day (counted_on, owner);
