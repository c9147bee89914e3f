package io.redflag.emulator.soql;

import io.redflag.emulator.schema.FieldDef;
import java.util.List;

/** One item of a query's selection, in the order Salesforce renders the record's elements. */
public sealed interface Selected {

    /** A field of the record itself (Id included), with its canonical definition. */
    record Field(FieldDef field) implements Selected {
    }

    /**
     * A parent path such as Owner.IsActive: all fields selected through one relationship are grouped in one
     * Parent, placed where the first of them appeared; nesting allowed (Account.Owner.Name).
     */
    record Parent(FieldDef lookup, String relationshipName, List<Selected> fields) implements Selected {
        public Parent {
            fields = List.copyOf(fields);
        }
    }
}
