package io.redflag.domain.scoring;

import io.redflag.domain.model.Contact;
import io.redflag.domain.model.Interaction;
import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.OpportunityChange;
import java.util.ArrayList;
import java.util.List;

/** Verifiable signs that the customer acts like a healthy relationship; each adds a few points back. */
final class PositiveEvidence {
    private PositiveEvidence() {
    }

    static List<Finding> find(Facts f) {
        List<Finding> out = new ArrayList<>();
        int days = f.rules.newContactDays();
        boolean newAccount = f.within(f.snapshot.account().createdAt(), days);
        List<Contact> introduced = f.contacts.stream().filter(c -> !f.gone(c) && f.within(c.createdAt(), days)).toList();
        if (!introduced.isEmpty() && !newAccount) {
            out.add(positive("NEW_CONTACTS", Math.min(6, 3 * introduced.size()), introduced.size()
                    + " new contact(s) introduced in the last " + days + " days.",
                    introduced.stream().map(Contact::id).toList()));
        }
        List<Interaction> inbound = f.done.stream().filter(i -> i.direction() == Interaction.Direction.INBOUND
                && f.within(i.at(), days)).toList();
        if (!inbound.isEmpty()) {
            out.add(positive("INBOUND_REQUESTS", Math.min(6, 2 * inbound.size()), "The customer reached out "
                    + inbound.size() + " time(s) in the last " + days + " days.", ActivitySignals.ids(inbound, null)));
        }
        List<Interaction> accepted = f.done.stream().filter(i -> i.kind() == Interaction.Kind.MEETING
                && i.outcome() == Interaction.Outcome.CONNECTED && f.within(i.at(), days)).toList();
        if (!accepted.isEmpty()) {
            out.add(positive("MEETINGS_ACCEPTED", Math.min(5, accepted.size()), accepted.size()
                    + " meeting(s) accepted and held in the last " + days + " days.",
                    ActivitySignals.ids(accepted, null)));
        }
        List<Opportunity> early = new ArrayList<>();
        List<Opportunity> expanding = new ArrayList<>();
        for (Opportunity o : f.opportunities) {
            if (!f.within(o.createdAt(), 180)) {
                continue;
            }
            List<OpportunityChange> h = o.history().stream().filter(c -> !f.after(c.at())).toList();
            if (!h.isEmpty() && h.get(0).stageOrder() > 0 && h.get(0).stageOrder() <= 2) {
                early.add(o);
            }
            for (int i = 1; i < h.size(); i++) {
                if (h.get(i - 1).amount() != null && h.get(i).amount() != null
                        && h.get(i).amount().compareTo(h.get(i - 1).amount()) > 0) {
                    expanding.add(o);
                    break;
                }
            }
        }
        if (!early.isEmpty()) {
            out.add(positive("EARLY_INVOLVEMENT", 3, "Brought in early on " + early.size()
                    + " deal(s) in the last 180 days.", early.stream().map(Opportunity::id).toList()));
        }
        if (!expanding.isEmpty()) {
            out.add(positive("SCOPE_EXPANSION", 3, "Scope grew on " + expanding.size()
                    + " deal(s) in the last 180 days.", expanding.stream().map(Opportunity::id).toList()));
        }
        return out;
    }

    private static Finding positive(String key, int points, String text, List<String> ids) {
        return new Finding(key, Finding.Kind.POSITIVE, Severity.LOW, points, text, ids, null);
    }
}
