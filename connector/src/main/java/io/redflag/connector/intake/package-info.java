/**
 * Intake: every source of CRM changes and its position. A source reads the CRM (SOQL polling with
 * query/queryAll/queryMore and getDeleted, Outbound Messages re-read by Id, Change Data Capture in {@code cdc})
 * and hands pages of mapped records, each with the position it covers (a watermark, notification ids, a replay
 * id), to an {@link io.redflag.connector.intake.IntakeStore}, which stores a page and its position in one
 * transaction. The store's side knows nothing of WSC; this package knows nothing of the database.
 */
package io.redflag.connector.intake;
