package io.redflag.connector.writeback;

import java.time.Instant;

/**
 * A follow-up task as the CRM holds it.
 *
 * @param key       its Risk_Signal_Key__c
 * @param ownerId   the user it is assigned to
 * @param own       whether Redflag's integration user created it: only such tasks count towards the weekly cap
 *                  and the cooldown
 * @param createdAt its CreatedDate
 * @param closedAt  when it was closed (CompletedDateTime; LastModifiedDate where the org gives none); null while
 *                  open
 */
public record HeldTask(String id, String key, String ownerId, boolean own, Instant createdAt, boolean closed,
        Instant closedAt) {
}
