package io.redflag.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.emulator.schema.Schema;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import io.redflag.emulator.store.SaveResult;
import io.redflag.emulator.store.WriteContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small org on a fixed clock (Friday 2024-03-15 12:00 UTC) for the SOQL tests. */
final class Fixture {
    static final Instant NOW = Instant.parse("2024-03-15T12:00:00Z");
    final Schema schema = Schema.standard();
    final OrgStore store = new OrgStore(schema, Clock.fixed(NOW, ZoneOffset.UTC));
    final String userId;

    Fixture() {
        userId = insertAs(null, "User", "Username", "ann@example.com", "LastName", "Ann", "Email", "ann@example.com",
                "Alias", "ann", "IsActive", true);
    }

    /** Creates a record from name/value pairs; fails the test if the store refuses it. */
    String insert(String type, Object... pairs) {
        return insertAs(userId, type, pairs);
    }

    private String insertAs(String user, String type, Object... pairs) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        SaveResult r = store.create(schema.find(type), fields, WriteContext.loader(user, false));
        assertThat(r.errors()).as("create " + type).isEmpty();
        return r.id();
    }

    List<SRecord> run(String soql) {
        return Soql.parse(soql, schema).execute(store, false, NOW);
    }

    List<String> ids(String soql) {
        return run(soql).stream().map(SRecord::id).toList();
    }

    List<Object> values(String soql, String field) {
        return run(soql).stream().map(r -> r.get(field)).toList();
    }

    SoqlException error(String soql) {
        try {
            Soql.parse(soql, schema);
        } catch (SoqlException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + soql);
    }
}
