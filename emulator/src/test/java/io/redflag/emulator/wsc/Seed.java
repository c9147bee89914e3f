package io.redflag.emulator.wsc;

import io.redflag.emulator.Emulator;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SaveResult;
import io.redflag.emulator.store.WriteContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** Puts records straight into an emulator's store, as the org's own users would have created them. */
final class Seed {
    private final OrgStore store;
    private final String userId;

    Seed(Emulator e) {
        this.store = e.store();
        this.userId = e.runAsUserId();
    }

    String create(String type, Object... fieldsAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        SaveResult r = store.create(store.schema().find(type), fields, WriteContext.api(userId));
        if (!r.success()) {
            throw new IllegalStateException("seed " + type + " failed: " + r.errors());
        }
        return r.id();
    }

    String user(String first, String last, boolean active, String managerId) {
        String username = (first + "." + last + "@example.com").toLowerCase();
        String id = create("User", "Username", username, "FirstName", first, "LastName", last, "Email", username,
                "Alias", last.length() > 8 ? last.substring(0, 8) : last, "ManagerId", managerId,
                "ProfileId", store.standardProfileId("Standard User"), "TimeZoneSidKey", "America/Los_Angeles",
                "LocaleSidKey", "en_US", "LanguageLocaleKey", "en_US", "EmailEncodingKey", "UTF-8");
        if (!active) {
            store.update(id, Map.of("IsActive", false), java.util.Set.of(), WriteContext.api(userId));
        }
        return id;
    }
}
