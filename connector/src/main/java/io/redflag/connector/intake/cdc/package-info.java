/**
 * Change Data Capture over Salesforce's Pub/Sub API: a Subscribe stream per channel (TLS gRPC, the OAuth
 * session's metadata, flow control, reconnects), change events decoded from Avro with cached schemas, and
 * applied to the store as pages whose last carries the channel's replay id. What an event cannot carry is read
 * by Id or reconciled by a poll; Redflag's own writes and changes of unread fields cost nothing.
 */
package io.redflag.connector.intake.cdc;
