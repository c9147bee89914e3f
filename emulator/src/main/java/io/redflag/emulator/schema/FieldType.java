package io.redflag.emulator.schema;

/**
 * Salesforce field types the emulator knows, with the names describe calls report and the XML Schema type
 * used on the wire.
 */
public enum FieldType {
    ID("id", "tns:ID"),
    REFERENCE("reference", "tns:ID"),
    STRING("string", "xsd:string"),
    TEXTAREA("textarea", "xsd:string"),
    PICKLIST("picklist", "xsd:string"),
    MULTIPICKLIST("multipicklist", "xsd:string"),
    COMBOBOX("combobox", "xsd:string"),
    EMAIL("email", "xsd:string"),
    PHONE("phone", "xsd:string"),
    URL("url", "xsd:string"),
    BOOLEAN("boolean", "xsd:boolean"),
    INT("int", "xsd:int"),
    DOUBLE("double", "xsd:double"),
    CURRENCY("currency", "xsd:double"),
    PERCENT("percent", "xsd:double"),
    DATE("date", "xsd:date"),
    DATETIME("datetime", "xsd:dateTime"),
    ANYTYPE("anyType", "xsd:anyType");

    private final String describeName;
    private final String soapType;

    FieldType(String describeName, String soapType) {
        this.describeName = describeName;
        this.soapType = soapType;
    }

    /** The value of {@code type} in a describe result. */
    public String describeName() {
        return describeName;
    }

    /** The value of {@code soapType} in a describe result. */
    public String soapType() {
        return soapType;
    }

    public boolean isText() {
        return switch (this) {
            case ID, REFERENCE, STRING, TEXTAREA, PICKLIST, MULTIPICKLIST, COMBOBOX, EMAIL, PHONE, URL -> true;
            default -> false;
        };
    }

    public boolean isNumber() {
        return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
    }
}
