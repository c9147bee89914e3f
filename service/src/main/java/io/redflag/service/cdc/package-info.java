/**
 * Change Data Capture: the connector's change stream wired to the store, the poll schedule (objects the
 * stream covers are only reconciled while it is up) and scoring (changed accounts), with a start/stop
 * lifecycle that only the replica running intake should run.
 */
package io.redflag.service.cdc;
