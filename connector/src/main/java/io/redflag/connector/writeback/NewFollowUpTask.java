package io.redflag.connector.writeback;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A follow-up Task to create; {@code key} goes into Risk_Signal_Key__c. {@code accountId} (WhatId) is null for a
 * task about no single account, such as a manager's weekly digest.
 */
public record NewFollowUpTask(String key, String accountId, String whoId, String ownerId, String subject,
        String description, String priority, LocalDate activityDate) {
    public NewFollowUpTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ownerId, "ownerId");
    }
}
