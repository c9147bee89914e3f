/**
 * Salesforce Outbound Messages: after a committed create or update of a configured object, the emulator
 * queues a notification and POSTs SOAP {@code notifications} messages (up to 100 notifications each) to the
 * rule's endpoint, retrying with growing intervals (at most 2 hours apart) until the listener answers
 * {@code <Ack>true</Ack>} or the message is 24 hours old. {@link io.redflag.emulator.outbound.OutboundMessages}
 * is the package's face; rules, faults and stats are plain records.
 */
package io.redflag.emulator.outbound;
