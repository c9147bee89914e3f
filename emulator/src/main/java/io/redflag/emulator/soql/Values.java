package io.redflag.emulator.soql;

import io.redflag.emulator.schema.FieldType;

/** How SOQL compares field values. */
final class Values {
    private Values() {
    }

    /** Text equality ignores case; ids are normalized to 18 characters, so they compare exactly. */
    static boolean isCaseInsensitive(FieldType type) {
        return type.isText() && type != FieldType.ID && type != FieldType.REFERENCE;
    }

    /**
     * Orders two non-null values of one field type: numbers numerically (Integer and Double mixed), text and
     * ids ordinally (so keyset pagination on Id is stable), dates, date-times and booleans naturally.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }

    /** Sort order for ORDER BY: like {@link #compare}, but text sorts case-insensitively as Salesforce does. */
    static int sortCompare(Object a, Object b, boolean caseInsensitive) {
        if (caseInsensitive) {
            int c = String.CASE_INSENSITIVE_ORDER.compare((String) a, (String) b);
            return c != 0 ? c : ((String) a).compareTo((String) b);
        }
        return compare(a, b);
    }
}
