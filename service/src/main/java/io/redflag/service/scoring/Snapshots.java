package io.redflag.service.scoring;

import io.redflag.connector.mapping.Mapping;
import io.redflag.domain.model.CrmUser;
import io.redflag.domain.model.Interaction;
import io.redflag.domain.scoring.AccountSnapshot;
import io.redflag.domain.scoring.KeyAccounts;
import io.redflag.domain.scoring.ScorecardConfig;
import io.redflag.service.store.UserDirectory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what the store holds about an account, with the portfolio around it, into the snapshot the scorecard
 * reads: one way for the scoring runs and the dry run of a candidate scorecard, so both score the same inputs.
 */
final class Snapshots {
    private final UserDirectory users;
    private final double paretoShare;
    private final List<String> keyTiers;
    private final List<String> strategicSegments;
    private final List<String> inboundPrefixes;

    Snapshots(Mapping mapping, UserDirectory users, double paretoShare) {
        this.users = users;
        this.paretoShare = paretoShare;
        var lists = mapping.entities().get("account").lists();
        this.keyTiers = lists.getOrDefault("keyTiers", List.of());
        this.strategicSegments = lists.getOrDefault("strategicSegments", List.of());
        this.inboundPrefixes = mapping.entities().get("task").lists().getOrDefault("inboundSubjectPrefixes", List.of())
                .stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    /** What reading the portfolio needs; the reply baseline is the scorecard's. */
    Portfolio.Settings portfolioSettings(ScorecardConfig scorecard) {
        return new Portfolio.Settings(paretoShare, keyTiers, scorecard.rules().activityBaselineDays(), inboundPrefixes);
    }

    CrmUser owner(StoredAccount one) {
        return users.user(one.account().ownerId()).orElse(null);
    }

    AccountSnapshot of(StoredAccount one, CrmUser owner, Portfolio portfolio) {
        var account = one.account();
        return new AccountSnapshot(account, owner, one.contacts(), one.interactions(), one.opportunities(),
                one.cases(), one.history().stream().map(h -> new AccountSnapshot.AccountChange(h.id(), h.field(),
                        userName(h.oldValue()), userName(h.newValue()), h.at())).toList(),
                portfolio.keyAccounts.contains(account.id()),
                KeyAccounts.strategic(account.tier(), account.segment(), strategicSegments),
                portfolio.logging.get(account.ownerId()), one.formerContacts(), one.contactChanges(),
                replyLogging(one, portfolio));
    }

    /** The inactive owner's manager, who gets the owner's follow-ups; null when there is none to ask. */
    CrmUser managerOfInactive(CrmUser owner) {
        return owner == null || owner.active() || owner.managerId() == null ? null
                : users.user(owner.managerId()).orElse(null);
    }

    /** How the users who logged this account's emails log replies (only they matter to its snapshot). */
    private static Map<String, AccountSnapshot.ReplyLogging> replyLogging(StoredAccount one, Portfolio portfolio) {
        Map<String, AccountSnapshot.ReplyLogging> out = new HashMap<>();
        for (var i : one.interactions()) {
            var r = i.ownerId() == null ? null : portfolio.replies.get(i.ownerId());
            if (r != null && i.kind() == Interaction.Kind.EMAIL) {
                out.put(i.ownerId(), r);
            }
        }
        return out;
    }

    /** AccountHistory keeps owners as user ids: a rep reads names. */
    private String userName(String value) {
        if (value == null || !value.startsWith("005") || value.length() != 18) {
            return value;
        }
        return users.user(value).map(CrmUser::name).orElse(value);
    }
}
