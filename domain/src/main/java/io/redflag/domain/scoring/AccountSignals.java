package io.redflag.domain.scoring;

import io.redflag.domain.model.SupportCase;
import java.util.ArrayList;
import java.util.List;

/** The account itself: a new or departed owner, and complaints. */
final class AccountSignals {
    private AccountSignals() {
    }

    static List<Finding> ownerChange(Facts f) {
        var w = f.config.weights().get(Signal.OWNER_CHANGE);
        List<Finding> out = new ArrayList<>();
        var owner = f.snapshot.owner();
        if (owner != null && !owner.active()) {
            out.add(Finding.risk(Signal.OWNER_CHANGE, Severity.CRITICAL, w.cap(), "The account owner, "
                    + (owner.name() == null ? owner.id() : owner.name()) + ", is inactive (has left the company).",
                    List.of(owner.id()), owner.id()));
        }
        // Salesforce writes an owner change twice (ids and names) at the same moment: count moments.
        var changes = f.snapshot.history().stream().filter(c -> AccountSnapshot.AccountChange.OWNER
                .equalsIgnoreCase(c.field()) && f.within(c.at(), f.rules.ownerChangeDays())).toList();
        if (!changes.isEmpty()) {
            var latest = changes.stream().max(java.util.Comparator.comparing(AccountSnapshot.AccountChange::at))
                    .orElseThrow();
            var named = changes.stream().filter(c -> c.at().equals(latest.at()) && c.newValue() != null
                    && !c.newValue().matches("005[A-Za-z0-9]{12,15}")).findFirst().orElse(latest);
            String from = named.oldValue() == null ? "" : " from " + named.oldValue();
            out.add(Finding.risk(Signal.OWNER_CHANGE, w.severity(), w.points(), "The account changed owner "
                    + f.daysSince(latest.at()) + " days ago" + from + (named.newValue() == null ? ""
                            : " to " + named.newValue()) + ".", changes.stream().map(c -> c.id()).toList(), null));
        }
        return out;
    }

    static List<Finding> complaints(Facts f) {
        var w = f.config.weights().get(Signal.COMPLAINTS);
        List<Finding> out = new ArrayList<>();
        for (SupportCase c : f.cases) {
            boolean open = !c.closed() || c.closedAt() != null && f.after(c.closedAt());
            if (!open) {
                continue;
            }
            long age = c.openedAt() == null ? 0 : f.daysSince(c.openedAt());
            List<String> why = new ArrayList<>();
            if (c.escalated()) {
                why.add("escalated");
            }
            if (c.highPriority()) {
                why.add("high priority");
            }
            if (age > f.rules.caseOpenDays()) {
                why.add("open for " + age + " days");
            }
            if (!why.isEmpty()) {
                out.add(Finding.risk(Signal.COMPLAINTS, c.escalated() ? Severity.HIGH : w.severity(), w.points(),
                        "Case '" + (c.subject() == null ? c.id() : c.subject()) + "' is " + String.join(", ", why)
                                + ".", List.of(c.id()), c.id()));
            }
        }
        int days = f.rules.caseVolumeDays();
        List<SupportCase> recent = f.cases.stream().filter(c -> f.within(c.openedAt(), days)).toList();
        long before = f.cases.stream().filter(c -> f.within(c.openedAt(), days * 5) && !f.within(c.openedAt(), days))
                .count();
        double baseline = before / 4.0;
        if (recent.size() >= 2 && recent.size() > f.rules.caseVolumeRatio() * Math.max(baseline, 0.5)) {
            out.add(Finding.risk(Signal.COMPLAINTS, w.severity(), w.points(), recent.size() + " cases opened in the"
                    + " last " + days + " days against a usual " + String.format(java.util.Locale.ROOT, "%.1f",
                            baseline) + ".", recent.stream().map(SupportCase::id).limit(20).toList(), null));
        }
        return out;
    }
}
