package io.redflag.emulator.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A small builder so that standard and custom field definitions read like a describe result. */
public final class Fields {
    private final String name;
    private final FieldType type;
    private String label;
    private int length;
    private List<String> referenceTo = List.of();
    private String relationshipName;
    private boolean nillable = true;
    private boolean createable = true;
    private boolean updateable = true;
    private boolean custom;
    private boolean externalId;
    private boolean system;
    private boolean defaultedOnCreate;
    private boolean trackHistory;
    private boolean restricted;
    private final List<PicklistValue> picklist = new ArrayList<>();
    private int precision;
    private int scale;
    private String help;

    private Fields(String name, FieldType type) {
        this.name = name;
        this.type = type;
        this.label = name;
        this.length = switch (type) {
            case ID, REFERENCE -> 18;
            case STRING, PICKLIST, COMBOBOX, URL, PHONE -> 255;
            case EMAIL -> 80;
            case TEXTAREA -> 32000;
            case MULTIPICKLIST -> 4099;
            default -> 0;
        };
        if (type == FieldType.CURRENCY || type == FieldType.DOUBLE) {
            precision = 18;
            scale = 2;
        }
        if (type == FieldType.PERCENT) {
            precision = 3;
        }
    }

    public static Fields of(String name, FieldType type) {
        return new Fields(name, type);
    }

    public static Fields lookup(String name, String relationshipName, String... targets) {
        Fields f = new Fields(name, FieldType.REFERENCE);
        f.relationshipName = relationshipName;
        f.referenceTo = Arrays.asList(targets);
        return f;
    }

    public static Fields picklist(String name, String... values) {
        Fields f = new Fields(name, FieldType.PICKLIST);
        for (String v : values) {
            f.picklist.add(PicklistValue.of(v));
        }
        return f;
    }

    public Fields label(String label) {
        this.label = label;
        return this;
    }

    public Fields length(int length) {
        this.length = length;
        return this;
    }

    public Fields required() {
        this.nillable = false;
        return this;
    }

    /** Not nillable, but the platform sets it when a create leaves it out (OwnerId, booleans). */
    public Fields defaulted() {
        this.nillable = false;
        this.defaultedOnCreate = true;
        return this;
    }

    /** Computed by the platform: read-only for clients. */
    public Fields readOnly() {
        this.createable = false;
        this.updateable = false;
        return this;
    }

    /** Set by the platform on every write (Id, CreatedDate, SystemModstamp …). */
    public Fields system() {
        readOnly();
        this.system = true;
        this.defaultedOnCreate = true;
        return this;
    }

    public Fields createOnly() {
        this.updateable = false;
        return this;
    }

    public Fields custom() {
        this.custom = true;
        return this;
    }

    public Fields externalId() {
        this.externalId = true;
        return this;
    }

    public Fields tracked() {
        this.trackHistory = true;
        return this;
    }

    public Fields restricted() {
        this.restricted = true;
        return this;
    }

    public Fields value(PicklistValue value) {
        picklist.add(value);
        return this;
    }

    public Fields values(List<PicklistValue> values) {
        picklist.addAll(values);
        return this;
    }

    public Fields referenceTo(List<String> targets, String relationship) {
        this.referenceTo = List.copyOf(targets);
        this.relationshipName = relationship;
        return this;
    }

    public Fields numeric(int precision, int scale) {
        this.precision = precision;
        this.scale = scale;
        return this;
    }

    public Fields help(String help) {
        this.help = help;
        return this;
    }

    public FieldDef build() {
        return new FieldDef(name, type, label, length, referenceTo, relationshipName, nillable, createable,
                updateable, custom, externalId, system, defaultedOnCreate, trackHistory, restricted, picklist,
                precision, scale, help);
    }
}
