package io.redflag.domain.scoring;

import io.redflag.domain.model.Contact;
import io.redflag.domain.model.Opportunity;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/** Which of the inputs the signals need ({@link Evidence}) one account's records provide as of one day. */
final class Inputs {
    private Inputs() {
    }

    static Set<Evidence> present(Facts f) {
        Set<Evidence> present = EnumSet.noneOf(Evidence.class);
        if (activityLogged(f.snapshot.ownerLogging(), f.config)) {
            present.add(Evidence.ACTIVITY_LOGGING);
        }
        if (f.contacts.stream().anyMatch(Inputs::described)) {
            present.add(Evidence.CONTACT_ROLES);
        }
        LocalDate since = f.today.minusMonths(f.rules.revenueHistoryMonths());
        if (f.opportunities.stream().anyMatch(o -> reachesBack(o, since))) {
            present.add(Evidence.REVENUE_HISTORY);
        }
        if (f.snapshot.history().stream().anyMatch(h -> !f.after(h.at()))
                || f.opportunities.stream().anyMatch(o -> o.history().stream().anyMatch(h -> !f.after(h.at())))) {
            present.add(Evidence.FIELD_HISTORY);
        }
        return present;
    }

    /**
     * The owner logs enough, across all the accounts they own, for silence on one of them to mean something.
     * Unknown logging is no evidence, unless the check is switched off (minimumLoggingPerAccount 0).
     */
    static boolean activityLogged(AccountSnapshot.OwnerLogging logging, ScorecardConfig config) {
        if (config.minimumLoggingPerAccount() == 0) {
            return true;
        }
        return logging.accountsOwned() > 0 && (double) logging.interactionsLast90Days() / logging.accountsOwned()
                >= config.minimumLoggingPerAccount();
    }

    /** A buying role, a primary flag or a title: enough to tell whether the contact is key. */
    private static boolean described(Contact c) {
        return !c.roles().isEmpty() || c.primary() || c.title() != null && !c.title().isBlank();
    }

    /** The deal was created or closed on or before {@code since}. */
    private static boolean reachesBack(Opportunity o, LocalDate since) {
        return o.closeDate() != null && !o.closeDate().isAfter(since)
                || o.createdAt() != null && !LocalDate.ofInstant(o.createdAt(), ZoneOffset.UTC).isAfter(since);
    }
}
