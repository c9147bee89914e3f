/**
 * The scorecard: pure functions from an account snapshot, an as-of time and a configuration to an
 * assessment with explained findings, and from findings to follow-up proposals. No clock, no I/O: any
 * assessment can be replayed for any past date.
 */
package io.redflag.domain.scoring;
