/**
 * The store: Redflag's copy of the CRM records (one table per entity of the model, created by Flyway),
 * written with portable MERGE statements that never let an older version of a record overwrite a newer
 * one, and the per-object sync watermark, moved in the same transaction as the records it covers.
 * Embedded H2 by default, PostgreSQL in production; both run the same tests.
 */
package io.redflag.service.store;
