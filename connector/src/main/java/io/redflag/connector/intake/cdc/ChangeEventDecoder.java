package io.redflag.connector.intake.cdc;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes change events: the Avro binary payload read with the schema its id names (fetched once per id through
 * GetSchema and cached: a schema id stands for one schema for good), the header's changedFields and
 * nulledFields bitmaps turned into field names, compound fields flattened (see {@link ChangeEvent}).
 * Thread-safe.
 */
public final class ChangeEventDecoder {
    private static final int CACHED_SCHEMAS = 500;
    private static final String HEADER = "ChangeEventHeader";

    private final LoadingCache<String, Schema> schemas;
    private final java.util.concurrent.atomic.AtomicLong fetched = new java.util.concurrent.atomic.AtomicLong();

    /** @param schemaJson GetSchema: a schema id → its Avro JSON */
    public ChangeEventDecoder(Function<String, String> schemaJson) {
        this.schemas = Caffeine.newBuilder().maximumSize(CACHED_SCHEMAS)
                .build(id -> {
                    fetched.incrementAndGet();
                    return new Schema.Parser().parse(schemaJson.apply(id));
                });
    }

    /** How many schemas were fetched so far (each id once): for tests and metrics. */
    public long schemasFetched() {
        return fetched.get();
    }

    /**
     * @throws MalformedEventException when the payload does not read with its schema
     */
    public ChangeEvent decode(String schemaId, byte[] payload) {
        Schema schema = schemas.get(schemaId);
        GenericRecord event;
        try {
            BinaryDecoder in = DecoderFactory.get().binaryDecoder(payload, null);
            event = new GenericDatumReader<GenericRecord>(schema).read(null, in);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("a payload of schema " + schemaId + " does not read with it: " + e);
        }
        GenericRecord header = (GenericRecord) event.get(HEADER);
        if (header == null) {
            throw new MalformedEventException("an event of schema " + schemaId + " has no " + HEADER);
        }
        String changeType = text(header.get("changeType"));
        List<String> ids = new ArrayList<>();
        Object recordIds = header.get("recordIds");
        if (recordIds instanceof List<?> list) {
            list.forEach(id -> ids.add(text(id)));
        }
        Set<String> changed = new LinkedHashSet<>();
        Set<String> unknown = new HashSet<>();
        fields(schema, strings(header.get("changedFields")), changed, unknown);
        fields(schema, strings(header.get("nulledFields")), changed, unknown);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Schema.Field f : schema.getFields()) {
            if (f.name().equals(HEADER)) {
                continue;
            }
            Object v = event.get(f.pos());
            if (v instanceof GenericRecord compound) {
                flatten(f.name(), compound, values);
            } else if (v != null) {
                values.put(f.name(), v instanceof CharSequence cs ? cs.toString() : v);
            }
        }
        // A full person name is derived from its parts: an update carries only the parts that changed, so the
        // name made of them would be wrong.
        if (unknown.contains("Name")) {
            values.remove("Name");
        }
        Object stamp = header.get("commitTimestamp");
        return new ChangeEvent(text(header.get("entityName")), changeType, ids, text(header.get("changeOrigin")),
                stamp instanceof Long ms ? Instant.ofEpochMilli(ms) : null, changed, values, unknown);
    }

    /**
     * The compound's parts under the Partner API's names, and a person's full Name as Salesforce derives it
     * ("FirstName LastName", no salutation).
     */
    private static void flatten(String compound, GenericRecord parts, Map<String, Object> values) {
        for (Schema.Field part : parts.getSchema().getFields()) {
            Object v = parts.get(part.pos());
            if (v != null) {
                values.put(partName(compound, part.name()), v instanceof CharSequence cs ? cs.toString() : v);
            }
        }
        if (compound.equals("Name")) {
            Object first = values.get("FirstName");
            Object last = values.get("LastName");
            String name = ((first == null ? "" : first + " ") + (last == null ? "" : last)).trim();
            if (!name.isEmpty()) {
                values.put("Name", name);
            }
        }
    }

    /**
     * The decoded field lists: the first element's bits name top-level fields (bit i: the schema's field i), each
     * {@code position-bitmap} the parts of the compound at that position. A changed part of a person's Name makes
     * the full Name changed but unknown (its value needs every part).
     */
    private static void fields(Schema schema, List<String> bitmaps, Set<String> out, Set<String> unknown) {
        List<Schema.Field> top = schema.getFields();
        for (String bitmap : bitmaps) {
            int dash = bitmap.indexOf('-');
            if (dash < 0) {
                BigInteger bits = hex(bitmap);
                for (int i = 0; i < top.size() && i < bits.bitLength(); i++) {
                    if (bits.testBit(i) && !top.get(i).name().equals(HEADER)) {
                        Schema.Field f = top.get(i);
                        Schema record = compoundRecord(f.schema());
                        if (record != null) {
                            // A whole compound marked at the top level: every part of it.
                            record.getFields().forEach(p -> out.add(partName(f.name(), p.name())));
                            compoundChanged(f.name(), out, unknown);
                        } else {
                            out.add(f.name());
                        }
                    }
                }
            } else {
                int position = Integer.parseInt(bitmap.substring(0, dash));
                if (position < 0 || position >= top.size()) {
                    throw new MalformedEventException("field list entry " + bitmap + " names position " + position
                            + ", which the schema " + schema.getFullName() + " does not have");
                }
                Schema.Field f = top.get(position);
                Schema record = compoundRecord(f.schema());
                if (record == null) {
                    throw new MalformedEventException("field list entry " + bitmap + " names " + f.name()
                            + ", which is not a compound field");
                }
                BigInteger bits = hex(bitmap.substring(dash + 1));
                List<Schema.Field> parts = record.getFields();
                for (int i = 0; i < parts.size() && i < bits.bitLength(); i++) {
                    if (bits.testBit(i)) {
                        out.add(partName(f.name(), parts.get(i).name()));
                    }
                }
                compoundChanged(f.name(), out, unknown);
            }
        }
    }

    private static void compoundChanged(String compound, Set<String> out, Set<String> unknown) {
        if (compound.equals("Name")) {
            out.add("Name");
            unknown.add("Name");
        }
    }

    /** A compound part under the Partner API's name: BillingAddress.City → BillingCity, Name.LastName → LastName. */
    static String partName(String compound, String part) {
        if (compound.equals("Name")) {
            return part;
        }
        String prefix = compound.endsWith("Address") ? compound.substring(0, compound.length() - "Address".length())
                : compound;
        return prefix + part;
    }

    private static Schema compoundRecord(Schema s) {
        if (s.getType() == Schema.Type.RECORD) {
            return s;
        }
        if (s.getType() == Schema.Type.UNION) {
            for (Schema t : s.getTypes()) {
                if (t.getType() == Schema.Type.RECORD) {
                    return t;
                }
            }
        }
        return null;
    }

    private static BigInteger hex(String bitmap) {
        String digits = bitmap.startsWith("0x") || bitmap.startsWith("0X") ? bitmap.substring(2) : bitmap;
        try {
            return new BigInteger(digits, 16);
        } catch (NumberFormatException e) {
            throw new MalformedEventException("field list entry '" + bitmap + "' is not a hexadecimal bitmap");
        }
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            l.forEach(v -> out.add(text(v)));
        }
        return out;
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
