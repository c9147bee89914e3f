package io.redflag.emulator.store;

import java.time.Instant;

/** An entry of getDeleted's result. */
public record DeletedRecord(String id, Instant deletedDate) {
}
