package io.redflag.emulator.http;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A record's page at {@code instance URL/record id}, where Salesforce opens a record in the browser (Redflag's
 * evidence links point there): the object's label, the record's name and every field that has a value. Plain
 * HTML, no login (Salesforce would ask for one first; the emulator serves the demo on 127.0.0.1 only).
 */
final class RecordPage {
    private static final Pattern ID_PATH = Pattern.compile("/[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

    private final OrgStore store;

    RecordPage(OrgStore store) {
        this.store = store;
    }

    /** Whether the path names a record by id (the record may still be unknown). */
    static boolean serves(String method, String path) {
        return method.equals("GET") && ID_PATH.matcher(path).matches();
    }

    /** The page, or null when the org has no such record. */
    byte[] render(String path) {
        SRecord r = store.get(path.substring(1));
        if (r == null) {
            return null;
        }
        Object name = r.type().hasField("Name") ? r.get("Name") : r.type().hasField("Subject") ? r.get("Subject") : null;
        String title = r.type().label() + ": " + (name == null ? r.id() : name);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head><body><h1>").append(escape(title)).append("</h1>");
        if (r.isDeleted()) {
            html.append("<p>This record is in the recycle bin.</p>");
        }
        html.append("<table><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody>");
        for (FieldDef f : r.type().fields()) {
            Object v = r.get(f);
            if (v != null) {
                html.append("<tr><th scope=\"row\">").append(escape(f.label() == null ? f.name() : f.label()))
                        .append("</th><td>").append(escape(String.valueOf(v))).append("</td></tr>");
            }
        }
        return html.append("</tbody></table></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
