/**
 * Writing Redflag's results back into the CRM: the Account risk fields and follow-up Tasks, in calls of at
 * most 200 records, per-record failures classified (transient ones retried), and the check at start-up that
 * the org has every field Redflag writes.
 */
package io.redflag.connector.writeback;
