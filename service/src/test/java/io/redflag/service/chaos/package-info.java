/**
 * Chaos tests across processes: the standalone emulator and service replicas started from their jars, as the
 * README starts them, on loopback with a PostgreSQL schema of their own; leaders killed with SIGKILL, the CRM
 * made to answer 503, database connections terminated, replicas restarted during a burst of changes; then the
 * CRM, the store and the follow-up tasks compared with a fault-free run. Run by the Maven profile {@code chaos}
 * ({@code scripts/chaos.sh}); docs/reliability.md says what was killed when and what the CRM held afterwards.
 */
package io.redflag.service.chaos;
