package io.redflag.emulator.soql;

/** One ORDER BY item. Salesforce's default puts nulls first when ascending and last when descending. */
record OrderItem(FieldPath path, boolean descending, boolean nullsFirst) {
}
