package io.redflag.domain.scoring;

import java.time.LocalDate;

/**
 * A follow-up task Redflag proposes for a risk.
 *
 * @param key        the de-duplication key, {@code SIGNAL:accountId} or {@code SIGNAL:accountId:subjectId},
 *                   also stored on the CRM task
 * @param assigneeId the account owner, or the owner's manager when the owner is inactive
 * @param priority   as Salesforce's Task Priority: High, Normal or Low
 */
public record FollowUp(String key, String accountId, Signal signal, Severity severity, String subjectRecordId,
        String assigneeId, String subject, String description, String priority, LocalDate dueDate) {

    public static String key(Signal signal, String accountId, String subjectRecordId) {
        return signal.name() + ":" + accountId + (subjectRecordId == null ? "" : ":" + subjectRecordId);
    }
}
