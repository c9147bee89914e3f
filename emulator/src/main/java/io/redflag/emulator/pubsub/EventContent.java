package io.redflag.emulator.pubsub;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a change event says about its records, without the header's transaction fields: equal contents of the
 * same transaction are sent as one event listing every record id (Salesforce merges "the same change" to
 * several records of one object).
 *
 * @param values the body fields by slot (null = not in the event); a compound's value is its Avro record
 * @param weight what the change counts for against the overflow threshold: a create, delete or undelete
 *               one, an update one per changed field (Change Data Capture Developer Guide, "Overflow Events")
 */
record EventContent(String entity, String changeType, List<Object> values, List<String> changedFields,
        List<String> nulledFields, int weight) {

    EventContent {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        changedFields = List.copyOf(changedFields);
        nulledFields = List.copyOf(nulledFields);
    }

    /** Header-only content: DELETE, the GAP_ kinds and GAP_OVERFLOW carry no field values. */
    static EventContent headerOnly(EventSchema schema, String changeType) {
        return new EventContent(schema.entity(), changeType, Collections.nCopies(schema.slots().size(), null),
                List.of(), List.of(), 1);
    }
}
