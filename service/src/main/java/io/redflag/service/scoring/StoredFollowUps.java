package io.redflag.service.scoring;

import io.redflag.domain.scoring.FollowUpPlanner;

/**
 * The store's copy of the follow-up facts (open keys, closing times, this week's counts per assignee) for every
 * account: a pre-filter that costs no CRM call, never the truth the rules are decided on ({@link FollowUpRound}).
 * What a dry run plans on.
 */
public interface StoredFollowUps {
    /** A fresh, mutable copy: a caller may add what it plans. */
    FollowUpPlanner.Existing existingEverywhere();
}
