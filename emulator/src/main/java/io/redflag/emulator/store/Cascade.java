package io.redflag.emulator.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which records go to the recycle bin with a deleted parent: an account takes its contacts, opportunities,
 * cases and activities; an opportunity or a contact takes its contact roles and activities.
 */
final class Cascade {
    private Cascade() {
    }

    /** Each child once, even when an activity hangs off both a deleted contact and its opportunity. */
    static Collection<SRecord> children(OrgStore store, SRecord parent) {
        Map<String, SRecord> byId = new LinkedHashMap<>();
        collect(store, parent, byId);
        return byId.values();
    }

    private static void collect(OrgStore store, SRecord parent, Map<String, SRecord> out) {
        String id = parent.id();
        switch (parent.type().name()) {
            case "Account" -> {
                for (String child : new String[] {"Contact", "Opportunity", "Case"}) {
                    for (SRecord r : store.find(store.schema().find(child), false, r -> id.equals(r.get("AccountId")))) {
                        out.put(r.id(), r);
                        collect(store, r, out);
                    }
                }
                activities(store, id, out);
            }
            case "Opportunity", "Contact" -> {
                String link = parent.type().name() + "Id";
                for (SRecord r : store.find(store.schema().find("OpportunityContactRole"), false,
                        r -> id.equals(r.get(link)))) {
                    out.put(r.id(), r);
                }
                activities(store, id, out);
            }
            case "Case" -> activities(store, id, out);
            default -> {
            }
        }
    }

    private static void activities(OrgStore store, String id, Map<String, SRecord> out) {
        for (String activity : new String[] {"Task", "Event"}) {
            for (SRecord r : store.find(store.schema().find(activity), false,
                    r -> id.equals(r.get("WhatId")) || id.equals(r.get("WhoId")))) {
                out.put(r.id(), r);
            }
        }
    }
}
