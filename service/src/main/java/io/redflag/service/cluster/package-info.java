/**
 * Several replicas on one store: leader election through Spring Integration's JDBC lock registry (table
 * INT_LOCK), the replica's leadership for health and metrics, and {@link io.redflag.service.cluster.LeaderWork},
 * the one seam through which intake, scoring and write-back ask whether this replica may run them.
 */
package io.redflag.service.cluster;
