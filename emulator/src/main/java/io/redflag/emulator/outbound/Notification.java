package io.redflag.emulator.outbound;

/** One queued notification (id prefix 04l) about one record. */
record Notification(Action action, String id, String object, String recordId) {
}
