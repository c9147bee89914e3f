-- score_history keeps spans from now on: a row starts where an account's score or level changed and stays in force
-- (superseded_at null) while the next assessments find the same; a daily rescore no longer adds a row per account
-- per day (1.7 million rows over the portfolio's 12 weeks at 20,000 accounts). Here the rows kept so far are joined
-- the same way: a row that repeats the account's previous score and level goes, and each row left is in force until
-- the next one left starts. What reads the scores in force at an instant reads the same.
CREATE TABLE score_history_repeat (assessment_id BIGINT PRIMARY KEY);
INSERT INTO score_history_repeat
    SELECT assessment_id FROM (
        SELECT assessment_id, score, level,
               LAG(score) OVER (PARTITION BY account_id ORDER BY as_of, assessment_id) AS previous_score,
               LAG(level) OVER (PARTITION BY account_id ORDER BY as_of, assessment_id) AS previous_level
        FROM score_history) r
    WHERE r.previous_score = r.score AND r.previous_level = r.level;
DELETE FROM score_history WHERE assessment_id IN (SELECT assessment_id FROM score_history_repeat);
DROP TABLE score_history_repeat;

CREATE TABLE score_history_next (assessment_id BIGINT PRIMARY KEY, next_as_of TIMESTAMP WITH TIME ZONE);
INSERT INTO score_history_next
    SELECT assessment_id, LEAD(as_of) OVER (PARTITION BY account_id ORDER BY as_of, assessment_id) AS next_as_of
    FROM score_history;
UPDATE score_history SET superseded_at = (SELECT n.next_as_of FROM score_history_next n
    WHERE n.assessment_id = score_history.assessment_id);
DROP TABLE score_history_next;
