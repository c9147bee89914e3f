package io.redflag.emulator.schema;

/** One picklist entry; {@code closed} and {@code won} matter only for Opportunity.StageName. */
public record PicklistValue(String value, boolean defaultValue, boolean closed, boolean won, int probability) {

    public static PicklistValue of(String value) {
        return new PicklistValue(value, false, false, false, 0);
    }
}
