package io.redflag.emulator.pubsub;

import io.redflag.emulator.schema.FieldDef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The Avro schema of one object's change event ({@code AccountChangeEvent}): the {@code ChangeEventHeader},
 * then the object's fields in the order describe lists them, compound fields (names, addresses) as nested
 * records. Field positions in this schema are what the header's bitmaps count.
 *
 * @param entity the object, e.g. Account
 * @param avro   the schema
 * @param id     its fingerprint, as GetSchema and ProducerEvent.schema_id carry it
 * @param json   the schema as GetSchema serves it
 * @param slots  the body fields, by position: slot i is the schema's field i + 1 (field 0 is the header)
 */
record EventSchema(String entity, Schema avro, String id, String json, List<Slot> slots) {

    /** A body field: a plain field of the object, or a compound of several (its parts, in schema order). */
    record Slot(String name, List<Part> parts, boolean compound) {

        static Slot plain(FieldDef field) {
            return new Slot(field.name(), List.of(new Part(field.name(), field)), false);
        }

        static Slot compound(String name, List<Part> parts) {
            return new Slot(name, List.copyOf(parts), true);
        }
    }

    /** A part of a slot: its name in the schema (City) and the object's field it holds (BillingCity). */
    record Part(String name, FieldDef field) {
    }

    EventSchema {
        slots = List.copyOf(slots);
    }

    /** The schema's id: a stable fingerprint of its JSON (base64url of its SHA-256, first 16 bytes). */
    static String fingerprint(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
