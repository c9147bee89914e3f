package io.redflag.emulator.pubsub;

import io.redflag.emulator.pubsub.EventSchema.Part;
import io.redflag.emulator.pubsub.EventSchema.Slot;
import io.redflag.emulator.store.Change;
import io.redflag.emulator.store.SRecord;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * What a change event carries for one record (Change Data Capture Developer Guide, "Change Event Body
 * Fields", as the Pub/Sub API sends them): a create or undelete every field with a value; an update the
 * fields that changed (set to null ones in nulledFields too), always LastModifiedDate, every other field null;
 * a delete no field at all.
 */
final class EventContents {
    private EventContents() {
    }

    /** The content for a record's change of this kind, from its version before to its version after. */
    static EventContent of(EventSchema schema, Change.Kind kind, SRecord before, SRecord after) {
        return switch (kind) {
            case CREATE, UNDELETE -> whole(schema, kind.name(), after);
            case UPDATE -> changes(schema, before, after);
            case DELETE -> EventContent.headerOnly(schema, kind.name());
        };
    }

    private static EventContent whole(EventSchema schema, String changeType, SRecord record) {
        List<Object> values = new ArrayList<>();
        Schema avro = schema.avro();
        for (int i = 0; i < schema.slots().size(); i++) {
            Slot slot = schema.slots().get(i);
            values.add(slot.compound() ? compound(avro, i, slot, record, null) : value(slot.parts().get(0), record));
        }
        return new EventContent(schema.entity(), changeType, values, List.of(), List.of(), 1);
    }

    private static EventContent changes(EventSchema schema, SRecord before, SRecord after) {
        List<Object> values = new ArrayList<>();
        BitSet changed = new BitSet();
        BitSet nulled = new BitSet();
        int weight = 0;
        Map<Integer, BitSet> changedParts = new LinkedHashMap<>();
        Map<Integer, BitSet> nulledParts = new LinkedHashMap<>();
        for (int i = 0; i < schema.slots().size(); i++) {
            Slot slot = schema.slots().get(i);
            int position = i + 1;
            if (slot.compound()) {
                BitSet parts = new BitSet();
                BitSet nulledHere = new BitSet();
                for (int p = 0; p < slot.parts().size(); p++) {
                    Part part = slot.parts().get(p);
                    if (differs(part, before, after)) {
                        parts.set(p);
                        nulledHere.set(p, value(part, after) == null);
                    }
                }
                values.add(parts.isEmpty() ? null : compound(schema.avro(), i, slot, after, parts));
                weight += parts.cardinality();
                changedParts.put(position, parts);
                nulledParts.put(position, nulledHere);
            } else {
                Part part = slot.parts().get(0);
                // An update always carries LastModifiedDate, even within the second of the last one.
                boolean in = differs(part, before, after) || part.field().name().equals("LastModifiedDate");
                values.add(in ? value(part, after) : null);
                changed.set(position, in);
                weight += in ? 1 : 0;
                nulled.set(position, in && value(part, after) == null);
            }
        }
        return new EventContent(schema.entity(), "UPDATE", values, Bitmaps.encode(changed, changedParts),
                Bitmaps.encode(nulled, nulledParts), weight);
    }

    private static boolean differs(Part part, SRecord before, SRecord after) {
        return !Objects.equals(before.get(part.field()), after.get(part.field()));
    }

    private static Object value(Part part, SRecord record) {
        return AvroValues.toAvro(part.field().type(), record.get(part.field()));
    }

    /** A compound's record with the parts in {@code only} (all when null); null when none has a value. */
    private static GenericData.Record compound(Schema event, int slotIndex, Slot slot, SRecord record, BitSet only) {
        Schema union = event.getFields().get(slotIndex + 1).schema();
        GenericData.Record out = new GenericData.Record(union.getTypes().get(1));
        boolean any = false;
        for (int p = 0; p < slot.parts().size(); p++) {
            Object value = only == null || only.get(p) ? value(slot.parts().get(p), record) : null;
            out.put(p, value);
            any |= value != null;
        }
        return any || only != null ? out : null;
    }
}
