package io.redflag.emulator.soap;

import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.FieldType;
import io.redflag.emulator.schema.FieldValues;
import io.redflag.emulator.soql.Selected;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes query rows as the Partner API does: {@code sf:type}, {@code sf:Id} (nil when Id was not
 * selected), then the selected fields in order; parent paths as nested sObjects, nil when the lookup is
 * empty. Values carry no xsi:type except anyType ones (history OldValue/NewValue).
 */
final class RecordXml {
    private RecordXml() {
    }

    static void write(XmlOut x, String tag, SRecord r, List<Selected> selection, OrgStore store) {
        x.raw("<").raw(tag).raw(" xsi:type=\"sf:sObject\">");
        x.element("sf:type", r.type().name());
        x.element("sf:Id", selectsId(selection) ? r.id() : null);
        for (Selected s : selection) {
            if (s instanceof Selected.Field f) {
                value(x, "sf:" + f.field().name(), f.field(), r.get(f.field()));
            } else if (s instanceof Selected.Parent p) {
                Object parentId = r.get(p.lookup());
                SRecord parent = parentId == null ? null : store.get(parentId.toString());
                String parentTag = "sf:" + p.relationshipName();
                if (parent == null) {
                    x.element(parentTag, null);
                } else {
                    write(x, parentTag, parent, p.fields(), store);
                }
            }
        }
        x.raw("</").raw(tag).raw(">");
    }

    private static boolean selectsId(List<Selected> selection) {
        for (Selected s : selection) {
            if (s instanceof Selected.Field f && f.field().name().equals("Id")) {
                return true;
            }
        }
        return false;
    }

    private static void value(XmlOut x, String tag, FieldDef field, Object value) {
        if (value != null && field.type() == FieldType.ANYTYPE) {
            x.typed(tag, xsdType(value), FieldValues.format(value));
        } else {
            x.element(tag, FieldValues.format(value));
        }
    }

    private static String xsdType(Object value) {
        if (value instanceof Boolean) {
            return "xsd:boolean";
        }
        if (value instanceof Integer) {
            return "xsd:int";
        }
        if (value instanceof Double) {
            return "xsd:double";
        }
        if (value instanceof LocalDate) {
            return "xsd:date";
        }
        if (value instanceof Instant) {
            return "xsd:dateTime";
        }
        return "xsd:string";
    }
}
