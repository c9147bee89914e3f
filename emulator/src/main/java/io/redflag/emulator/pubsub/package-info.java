/**
 * Change Data Capture over Salesforce's Pub/Sub API: the org's committed transactions as change events
 * ({@link io.redflag.emulator.pubsub.ChangeCapture}) on a 72-hour event bus, served over TLS gRPC
 * (GetTopic, GetSchema, Subscribe) with the faults a subscriber must survive. {@link io.redflag.emulator.pubsub.PubSub}
 * is the package's face; the rest is package-private.
 */
package io.redflag.emulator.pubsub;
