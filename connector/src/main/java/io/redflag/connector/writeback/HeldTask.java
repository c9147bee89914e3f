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
 * @param untouched Redflag's own, open, and nobody changed it since: last modified by the integration user at the
 *                  moment it was created. Salesforce moves LastModifiedDate and LastModifiedById when a user (or a
 *                  flow running as one) edits a record, and only SystemModstamp for the platform's own updates, so
 *                  a rep who opened it to change the due date, the status or a note has touched it.
 */
public record HeldTask(String id, String key, String ownerId, boolean own, Instant createdAt, boolean closed,
        Instant closedAt, boolean untouched) {
}
