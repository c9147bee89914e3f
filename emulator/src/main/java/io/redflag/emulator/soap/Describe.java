package io.redflag.emulator.soap;

import io.redflag.emulator.schema.ChildRelationship;
import io.redflag.emulator.schema.FieldDef;
import io.redflag.emulator.schema.FieldType;
import io.redflag.emulator.schema.PicklistValue;
import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.schema.Schema;

/**
 * describeGlobal and describeSObject(s) results. Every element WSC's DescribeSObjectResult, Field,
 * ChildRelationship and PicklistEntry require is written, in the WSDL's order.
 */
final class Describe {
    private Describe() {
    }

    static void global(XmlOut x, Schema schema) {
        x.open("result").element("encoding", "UTF-8").element("maxBatchSize", 200);
        for (SObjectDef t : schema.all()) {
            x.open("sobjects");
            flags(x, t, true);
            x.close("sobjects");
        }
        x.close("result");
    }

    /** The flags describeGlobal and describeSObject share; {@code global} selects the global subset. */
    private static void flags(XmlOut x, SObjectDef t, boolean global) {
        boolean w = t.writable();
        x.element("activateable", false).element("associateEntityType", null).element("associateParentEntity", null);
        if (!global) {
            return;
        }
        x.element("createable", w).element("custom", t.custom()).element("customSetting", false)
                .element("deepCloneable", false).element("deletable", w).element("deprecatedAndHidden", false)
                .element("feedEnabled", false).element("hasSubtypes", false).element("idEnabled", true)
                .element("isInterface", false).element("isSubtype", false).element("keyPrefix", t.keyPrefix())
                .element("label", t.label()).element("labelPlural", t.labelPlural()).element("layoutable", w)
                .element("mergeable", false).element("mruEnabled", w).element("name", t.name())
                .element("queryable", true).element("replicateable", t.replicateable())
                .element("retrieveable", true).element("searchable", w).element("triggerable", w)
                .element("undeletable", w).element("updateable", w);
    }

    static void sobject(XmlOut x, Schema schema, SObjectDef t) {
        boolean w = t.writable();
        x.open("result");
        flags(x, t, false);
        for (ChildRelationship r : schema.childRelationships(t)) {
            x.open("childRelationships").element("cascadeDelete", false).element("childSObject", r.child().name())
                    .element("deprecatedAndHidden", false).element("field", r.field().name())
                    .element("relationshipName", r.name()).element("restrictedDelete", false)
                    .close("childRelationships");
        }
        x.element("compactLayoutable", w).element("createable", w).element("custom", t.custom())
                .element("customSetting", false).element("deepCloneable", false).element("defaultImplementation", null)
                .element("deletable", w).element("deprecatedAndHidden", false).element("feedEnabled", false);
        for (FieldDef f : t.fields()) {
            field(x, f);
        }
        x.element("hasSubtypes", false).element("idEnabled", true).element("implementedBy", null)
                .element("implementsInterfaces", null).element("isInterface", false).element("isSubtype", false)
                .element("keyPrefix", t.keyPrefix()).element("label", t.label()).element("labelPlural", t.labelPlural())
                .element("layoutable", w).element("mergeable", false).element("mruEnabled", w)
                .element("name", t.name()).element("networkScopeFieldName", null).element("queryable", true)
                .element("replicateable", t.replicateable()).element("retrieveable", true).element("searchable", w)
                .element("triggerable", w).element("undeletable", w).element("updateable", w)
                .element("urlDetail", "/{ID}").element("urlEdit", "/{ID}/e").element("urlNew", "/" + t.keyPrefix() + "/e")
                .close("result");
    }

    private static void field(XmlOut x, FieldDef f) {
        FieldType type = f.type();
        boolean text = type.isText();
        boolean filterable = type != FieldType.TEXTAREA || f.length() <= 255;
        x.open("fields");
        x.element("aggregatable", filterable && type != FieldType.BOOLEAN).element("aiPredictionField", false)
                .element("autoNumber", f.name().equals("CaseNumber"))
                .element("byteLength", text ? f.length() * 3 : 0)
                .element("calculated", false).element("caseSensitive", false).element("createable", f.createable())
                .element("custom", f.custom()).element("defaultedOnCreate", f.defaultedOnCreate())
                .element("deprecatedAndHidden", false).element("digits", type == FieldType.INT ? 9 : 0);
        if (f.externalId()) {
            x.element("externalId", true);
        }
        x.element("filterable", filterable).element("groupable", filterable && type != FieldType.DOUBLE
                && type != FieldType.CURRENCY && type != FieldType.PERCENT && type != FieldType.DATETIME)
                .element("idLookup", type == FieldType.ID || f.externalId());
        if (f.inlineHelpText() != null) {
            x.element("inlineHelpText", f.inlineHelpText());
        }
        x.element("label", f.label()).element("length", text ? f.length() : 0).element("name", f.name())
                .element("nameField", f.name().equals("Name")).element("nillable", f.nillable())
                .element("permissionable", f.nillable() && !f.system());
        for (PicklistValue v : f.picklistValues()) {
            x.open("picklistValues").element("active", true).element("defaultValue", v.defaultValue())
                    .element("label", v.value()).element("value", v.value()).close("picklistValues");
        }
        x.element("polymorphicForeignKey", f.referenceTo().size() > 1).element("precision", f.precision())
                .element("queryByDistance", false);
        for (String target : f.referenceTo()) {
            x.element("referenceTo", target);
        }
        if (f.relationshipName() != null) {
            x.element("relationshipName", f.relationshipName());
        }
        x.element("restrictedPicklist", f.restrictedPicklist()).element("scale", f.scale())
                .element("searchPrefilterable", false).element("soapType", type.soapType())
                .element("sortable", filterable).element("type", type.describeName()).element("unique", false)
                .element("updateable", f.updateable());
        x.close("fields");
    }
}
