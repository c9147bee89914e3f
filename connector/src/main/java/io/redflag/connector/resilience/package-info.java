/**
 * Resilience around calls to the CRM: one classifier decides whether a failure is transient (retry with
 * backoff, count against the circuit breaker), needs a new session, or is permanent (report, never retry);
 * {@link io.redflag.connector.resilience.ResilientCrm} applies that decision with Resilience4j per named remote
 * operation, and {@link io.redflag.connector.resilience.ApiBudget} keeps part of the org's daily API allocation
 * for write-back by pausing reads first.
 */
package io.redflag.connector.resilience;
