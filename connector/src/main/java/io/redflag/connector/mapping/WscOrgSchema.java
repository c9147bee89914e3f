package io.redflag.connector.mapping;

import com.sforce.soap.partner.DescribeGlobalSObjectResult;
import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.PicklistEntry;
import com.sforce.ws.ConnectionException;
import io.redflag.connector.session.SalesforceSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The org's schema from describeGlobal (which objects exist) and describeSObjects (their fields, at most 100
 * objects a call), read once for the start-up check.
 */
public final class WscOrgSchema implements OrgSchema {
    private static final int DESCRIBE_BATCH = 100;
    private final Map<String, Map<String, OrgField>> byObject;

    private WscOrgSchema(Map<String, Map<String, OrgField>> byObject) {
        this.byObject = byObject;
    }

    /** Describes the objects a mapping names; unknown ones are left out (asking for them would fail the call). */
    public static WscOrgSchema describe(SalesforceSession session, Collection<String> objects)
            throws ConnectionException {
        Set<String> existing = session.call(c -> Arrays.stream(c.describeGlobal().getSobjects())
                .map(DescribeGlobalSObjectResult::getName).map(n -> n.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet()));
        List<String> wanted = objects.stream().distinct()
                .filter(o -> o != null && existing.contains(o.toLowerCase(Locale.ROOT))).toList();
        Map<String, Map<String, OrgField>> byObject = new HashMap<>();
        for (int i = 0; i < wanted.size(); i += DESCRIBE_BATCH) {
            String[] batch = wanted.subList(i, Math.min(wanted.size(), i + DESCRIBE_BATCH)).toArray(String[]::new);
            DescribeSObjectResult[] results = session.call(c -> c.describeSObjects(batch));
            for (DescribeSObjectResult r : results) {
                Map<String, OrgField> fields = new HashMap<>();
                for (Field f : r.getFields()) {
                    List<String> picklist = new ArrayList<>();
                    for (PicklistEntry p : f.getPicklistValues()) {
                        picklist.add(p.getValue());
                    }
                    fields.put(f.getName().toLowerCase(Locale.ROOT),
                            new OrgField(f.getName(), f.getType().toString(), picklist));
                }
                byObject.put(r.getName().toLowerCase(Locale.ROOT), fields);
            }
        }
        return new WscOrgSchema(byObject);
    }

    @Override
    public Map<String, OrgField> fields(String object) {
        return object == null ? null : byObject.get(object.toLowerCase(Locale.ROOT));
    }
}
