package io.redflag.emulator.outbound;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.schema.Schema;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One Outbound Message action: the object whose creates and updates trigger it, the fields each
 * notification carries (Id is always sent, first) and the listener's endpoint.
 *
 * @param sendSessionId whether messages carry a session id of the run-as user (Salesforce's "Send Session
 *                      ID" box); otherwise {@code SessionId} is sent as {@code xsi:nil}
 */
public record OutboundRule(String object, List<String> fields, URI endpoint, boolean sendSessionId) {

    public OutboundRule {
        if (object == null || object.isBlank()) {
            throw new IllegalArgumentException("an outbound message rule needs an object");
        }
        if (endpoint == null) {
            throw new IllegalArgumentException("the outbound message rule for " + object + " needs an endpoint");
        }
        String scheme = endpoint.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || endpoint.getHost() == null) {
            throw new IllegalArgumentException("the outbound message endpoint '" + endpoint + "' for " + object
                    + " is not an http(s) URL with a host");
        }
        Set<String> unique = new LinkedHashSet<>();
        unique.add("Id");
        for (String f : fields == null ? List.<String>of() : fields) {
            if (f == null || f.isBlank()) {
                throw new IllegalArgumentException("the outbound message rule for " + object + " names an empty field");
            }
            if (!f.trim().equalsIgnoreCase("Id")) {
                unique.add(f.trim());
            }
        }
        fields = List.copyOf(unique);
    }

    public OutboundRule(String object, List<String> fields, URI endpoint) {
        this(object, fields, endpoint, false);
    }

    /**
     * Reads the command-line form {@code Contact:Id,AccountId,Title@http://host:port/path?token=abc}.
     *
     * @throws IllegalArgumentException naming the option and what is wrong
     */
    public static OutboundRule parse(String text) {
        String where = "--outbound-message '" + text + "'";
        int colon = text.indexOf(':');
        int at = text.indexOf('@', colon + 1);
        if (colon <= 0 || at < 0) {
            throw new IllegalArgumentException(where + " is not of the form Object:Field,Field@http://host/path");
        }
        List<String> fields = new ArrayList<>();
        for (String f : text.substring(colon + 1, at).split(",")) {
            if (!f.isBlank()) {
                fields.add(f.trim());
            }
        }
        try {
            return new OutboundRule(text.substring(0, colon).trim(), fields, new URI(text.substring(at + 1).trim()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": the endpoint is not a URL: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * This rule with the object's and fields' names spelled as the schema spells them.
     *
     * @throws IllegalArgumentException when the object or a field is unknown
     */
    public OutboundRule resolve(Schema schema) {
        SObjectDef type = schema.find(object);
        if (type == null || !type.writable()) {
            throw new IllegalArgumentException("outbound message rule " + this.describe() + ": no object '" + object
                    + "' that can be created or updated (known: " + names(schema) + ")");
        }
        List<String> resolved = new ArrayList<>();
        for (String name : fields) {
            FieldDef field = type.field(name);
            if (field == null) {
                throw new IllegalArgumentException("outbound message rule " + describe() + ": " + type.name()
                        + " has no field '" + name + "'");
            }
            resolved.add(field.name());
        }
        return new OutboundRule(type.name(), resolved, endpoint, sendSessionId);
    }

    /** The command-line form of this rule. */
    public String describe() {
        return object + ":" + String.join(",", fields) + "@" + endpoint;
    }

    private static String names(Schema schema) {
        List<String> out = new ArrayList<>();
        for (SObjectDef t : schema.all()) {
            if (t.writable()) {
                out.add(t.name());
            }
        }
        return String.join(", ", out);
    }
}
