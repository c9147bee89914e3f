package io.redflag.connector.intake.cdc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One change event, decoded: the header's facts and the body's values by CRM field, compound fields flattened
 * into the fields the Partner API knows (BillingAddress.City → BillingCity, Name.LastName → LastName, and a
 * person's full Name when every part of it came).
 *
 * @param object        the CRM object (entityName)
 * @param changeType    CREATE, UPDATE, DELETE, UNDELETE, GAP_CREATE … GAP_OVERFLOW
 * @param changeOrigin  who made the change ({@code com/salesforce/api/soap/65.0;client=Redflag}); may be empty
 * @param changedFields the fields the event says changed (UPDATE), flattened; nulled ones included
 * @param values        the fields that came with a value; a field absent here is null in the event
 * @param unknown       fields that changed but whose value the event cannot give (a person's full Name when
 *                      only some of its parts changed): a record reading one of them is read again by Id
 */
public record ChangeEvent(String object, String changeType, List<String> recordIds, String changeOrigin,
        Instant commitTimestamp, Set<String> changedFields, Map<String, Object> values, Set<String> unknown) {

    public ChangeEvent {
        recordIds = List.copyOf(recordIds);
        changedFields = Set.copyOf(changedFields);
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        unknown = Set.copyOf(unknown);
    }

    public boolean gap() {
        return changeType.startsWith("GAP_") && !overflow();
    }

    public boolean overflow() {
        return changeType.endsWith("_OVERFLOW");
    }

    /** Whether the change was made through the Partner API by a client of this name (its CallOptions). */
    public boolean madeBy(String client) {
        return changeOrigin != null && changeOrigin.endsWith(";client=" + client);
    }
}
