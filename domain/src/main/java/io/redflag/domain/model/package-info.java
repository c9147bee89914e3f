/**
 * What Redflag knows about a customer, in the business's words: accounts, the people at them, the deals,
 * every interaction, support cases and the users who own them. Built by the connector from CRM records
 * (through the admin's mapping) and read by the scorecard. Immutable records; time is always a value
 * here, never read from a clock.
 */
package io.redflag.domain.model;
