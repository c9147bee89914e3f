/**
 * SOQL for the emulator: a hand-written parser that validates names against the org's schema and reports
 * errors the way Salesforce does (exception code, message with a caret, row and column), and an evaluator
 * that filters, orders and limits the records of an {@link io.redflag.emulator.store.OrgStore}. Covers what an
 * incremental CRM sync needs; every other SOQL feature is refused with MALFORMED_QUERY naming it.
 */
package io.redflag.emulator.soql;
