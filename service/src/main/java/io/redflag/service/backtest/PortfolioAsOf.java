package io.redflag.service.backtest;

import io.redflag.domain.model.Interaction;
import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.StageClass;
import io.redflag.domain.scoring.AccountSnapshot;
import io.redflag.domain.scoring.KeyAccounts;
import io.redflag.service.scoring.StoredAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What scoring one account as of a day needs to know about the whole book then, tallied from the accounts as of
 * that day (never from today's rows): the key accounts (the Pareto rule over the trailing 12 months' won
 * revenue, and the key tiers), how much each owner logged in the 90 days up to the day, and how each user's
 * replies show over the activity baseline. The same rules as the live scorer's portfolio (scoring/Portfolio),
 * counted from the accounts' own interactions.
 */
final class PortfolioAsOf {
    private final LocalDate day;
    private final Instant loggingSince;
    private final Instant baselineSince;
    private final Instant cut;
    private final List<KeyAccounts.Revenue> revenues = new ArrayList<>();
    private final Map<String, Integer> owned = new HashMap<>();
    private final Map<String, Integer> logged = new HashMap<>();
    private final Map<String, int[]> emails = new HashMap<>(); // per user: sent, replies
    private Set<String> keyAccounts;

    PortfolioAsOf(LocalDate day, int baselineDays) {
        this.day = day;
        this.cut = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.loggingSince = day.minusDays(89).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.baselineSince = day.minusDays(baselineDays - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Counts one account as it was on the day. */
    void add(StoredAccount then) {
        BigDecimal won = BigDecimal.ZERO;
        boolean any = false;
        for (Opportunity o : then.opportunities()) {
            if (o.stageClass() == StageClass.WON && o.amount() != null && o.closeDate() != null
                    && o.closeDate().isAfter(day.minusYears(1)) && !o.closeDate().isAfter(day)) {
                won = won.add(o.amount());
                any = true;
            }
        }
        revenues.add(new KeyAccounts.Revenue(then.account().id(), any ? won : null, then.account().tier()));
        owned.merge(then.account().ownerId(), 1, Integer::sum);
        for (Interaction i : then.interactions()) {
            if (i.ownerId() == null || i.at() == null || !i.at().isBefore(cut)) {
                continue;
            }
            boolean done = i.kind() == Interaction.Kind.MEETING || i.completed();
            if (done && !i.at().isBefore(loggingSince)) {
                logged.merge(i.ownerId(), 1, Integer::sum);
            }
            if (i.kind() == Interaction.Kind.EMAIL && i.completed() && !i.at().isBefore(baselineSince)) {
                emails.computeIfAbsent(i.ownerId(), k -> new int[2])[i.direction() == Interaction.Direction.INBOUND
                        ? 1 : 0]++;
            }
        }
    }

    /** Closes the tally: the key accounts are chosen over the whole book. */
    void finish(double paretoShare, List<String> keyTiers) {
        keyAccounts = KeyAccounts.select(revenues, paretoShare, keyTiers);
        revenues.clear();
    }

    boolean key(String accountId) {
        return keyAccounts.contains(accountId);
    }

    AccountSnapshot.OwnerLogging logging(String ownerId) {
        Integer n = owned.get(ownerId);
        return n == null ? null : new AccountSnapshot.OwnerLogging(logged.getOrDefault(ownerId, 0), n);
    }

    /** How the users who logged this account's emails log replies. */
    Map<String, AccountSnapshot.ReplyLogging> replies(StoredAccount then) {
        Map<String, AccountSnapshot.ReplyLogging> out = new HashMap<>();
        for (Interaction i : then.interactions()) {
            int[] e = i.ownerId() == null ? null : emails.get(i.ownerId());
            if (e != null && i.kind() == Interaction.Kind.EMAIL) {
                out.put(i.ownerId(), new AccountSnapshot.ReplyLogging(e[0], e[1]));
            }
        }
        return out;
    }
}
