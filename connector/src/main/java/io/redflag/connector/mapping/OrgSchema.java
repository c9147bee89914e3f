package io.redflag.connector.mapping;

import java.util.List;
import java.util.Map;

/** What the org says about its objects (describe results), as far as the mapping check needs it. */
public interface OrgSchema {

    /** A field as describe reports it; {@code type} is describe's name (string, reference, date …). */
    record OrgField(String name, String type, List<String> picklistValues) {
    }

    /** The readable fields of an object by name (case-insensitive keys), or null when the object is unknown. */
    Map<String, OrgField> fields(String object);
}
