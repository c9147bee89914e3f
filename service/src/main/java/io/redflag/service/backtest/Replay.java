package io.redflag.service.backtest;

import io.redflag.connector.mapping.Mapping;
import io.redflag.domain.model.CrmUser;
import io.redflag.domain.scoring.AccountSnapshot;
import io.redflag.domain.scoring.Assessment;
import io.redflag.domain.scoring.KeyAccounts;
import io.redflag.domain.scoring.Scorecard;
import io.redflag.service.history.AsOf;
import io.redflag.service.history.DatedHistory;
import io.redflag.service.scoring.PresentView;
import io.redflag.service.scoring.StoreReader;
import io.redflag.service.scoring.StoredAccount;
import io.redflag.service.store.UserDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Replays scorecards side by side over the store: a pure read, nothing is written (no assessment, no outbox, no
 * task). {@link #run} sees it as it was on earlier days (the backtest): each account is read once per pass, in id
 * ranges, and seen as of every day asked ({@link AsOf}: nothing dated after the day); the book-wide facts of each
 * day (key accounts, owners' logging) are tallied in a first pass over the accounts as of that day. {@link #now}
 * sees it as a scoring run would now (the dashboard's dry run).
 */
public final class Replay {
    private static final int BATCH = 500;

    /**
     * What the replay saw of one account on one day, and each scorecard's assessment of it.
     *
     * @param now     the account as the store holds it now (what happened after the day is judged on it)
     * @param changes the account's observed field changes (record_change)
     * @param then    the account as of the day
     * @param owner   its owner as of the day (null when unknown)
     */
    public record Seen(StoredAccount now, List<DatedHistory.Change> changes, LocalDate day, StoredAccount then,
            CrmUser owner, List<Assessment> assessments) {
    }

    /** Receives each account on each day. */
    public interface Visitor {
        void visit(Seen seen);
    }

    private final StoreReader reader;
    private final DatedHistory history;
    private final UserDirectory users;
    private final AsOf asOf;
    private final double paretoShare;
    private final List<String> keyTiers;
    private final List<String> strategicSegments;

    public Replay(DataSource dataSource, Mapping mapping, double paretoShare) {
        this.reader = new StoreReader(dataSource, mapping);
        this.history = new DatedHistory(dataSource);
        this.users = new UserDirectory(dataSource);
        var stage = mapping.entities().get("opportunity").values().get("stage");
        this.asOf = new AsOf(name -> stage == null ? null : stage.meaningOf(name));
        this.paretoShare = paretoShare;
        var lists = mapping.entities().get("account").lists();
        this.keyTiers = lists.getOrDefault("keyTiers", List.of());
        this.strategicSegments = lists.getOrDefault("strategicSegments", List.of());
    }

    /**
     * Visits every account that existed on each day, with each scorecard's assessment as of the start of that day
     * (the day's own records counted, as the scorecard reads whole UTC days).
     */
    public void run(List<Scorecard> scorecards, List<LocalDate> days, Visitor visitor) {
        if (days.isEmpty() || scorecards.isEmpty()) {
            return;
        }
        Instant earliest = cut(days.stream().min(LocalDate::compareTo).orElseThrow());
        Map<String, List<DatedHistory.Change>> userChanges = history.users();
        Map<String, Instant> userStamps = history.userStamps();
        List<List<String>> batches = batches(reader.accountIds());
        int baseline = scorecards.get(0).config().rules().activityBaselineDays();
        List<PortfolioAsOf> portfolios = days.stream().map(d -> new PortfolioAsOf(d, baseline)).toList();
        for (List<String> batch : batches) {
            List<StoredAccount> now = reader.readRange(batch.get(0), batch.get(batch.size() - 1));
            DatedHistory.Batch h = history.read(batch, earliest);
            for (StoredAccount account : now) {
                for (int d = 0; d < days.size(); d++) {
                    StoredAccount then = asOf.account(account, h, cut(days.get(d)));
                    if (then != null) {
                        portfolios.get(d).add(then);
                    }
                }
            }
        }
        portfolios.forEach(p -> p.finish(paretoShare, keyTiers));
        for (List<String> batch : batches) {
            List<StoredAccount> now = reader.readRange(batch.get(0), batch.get(batch.size() - 1));
            DatedHistory.Batch h = history.read(batch, earliest);
            for (StoredAccount account : now) {
                for (int d = 0; d < days.size(); d++) {
                    LocalDate day = days.get(d);
                    StoredAccount then = asOf.account(account, h, cut(day));
                    if (then == null) {
                        continue;
                    }
                    AccountSnapshot snapshot = snapshot(then, portfolios.get(d), userChanges, userStamps,
                            cut(day));
                    Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                    List<Assessment> assessments = scorecards.stream().map(s -> s.assess(snapshot, at)).toList();
                    visitor.visit(new Seen(account, h.of(account.account().id()), day, then, snapshot.owner(),
                            assessments));
                }
            }
        }
    }

    /**
     * Visits every account as the store holds it, with each scorecard's assessment as of now, seen exactly as a
     * scoring run with that scorecard sees it (its {@link PresentView}; views that are the same object give one
     * snapshot): what applying the scorecard would give. One pass, nothing dated to undo.
     */
    public void now(List<Scorecard> scorecards, List<PresentView> views, Instant now, Visitor visitor) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<List<String>> batches = batches(reader.accountIds());
        if (batches.isEmpty()) {
            return;
        }
        // Reading dominates: the next batch is read on a thread of its own while this one is scored.
        ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "redflag-replay-read");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<StoredAccount>> next = ahead.submit(() -> read(batches.get(0)));
            for (int b = 0; b < batches.size(); b++) {
                List<StoredAccount> accounts = next.get();
                if (b + 1 < batches.size()) {
                    List<String> following = batches.get(b + 1);
                    next = ahead.submit(() -> read(following));
                }
                score(accounts, scorecards, views, now, day, visitor);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the dry run was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            ahead.shutdownNow();
        }
    }

    private List<StoredAccount> read(List<String> batch) {
        return reader.readRange(batch.get(0), batch.get(batch.size() - 1));
    }

    private static void score(List<StoredAccount> accounts, List<Scorecard> scorecards, List<PresentView> views,
            Instant now, LocalDate day, Visitor visitor) {
        for (StoredAccount account : accounts) {
            CrmUser owner = views.get(0).owner(account);
            Map<PresentView, AccountSnapshot> seen = new IdentityHashMap<>();
            List<Assessment> assessments = new ArrayList<>();
            for (int i = 0; i < scorecards.size(); i++) {
                AccountSnapshot snapshot = seen.computeIfAbsent(views.get(i), v -> v.snapshot(account, owner));
                assessments.add(scorecards.get(i).assess(snapshot, now));
            }
            visitor.visit(new Seen(account, List.of(), day, account, owner, assessments));
        }
    }

    private AccountSnapshot snapshot(StoredAccount then, PortfolioAsOf portfolio,
            Map<String, List<DatedHistory.Change>> userChanges, Map<String, Instant> userStamps, Instant cut) {
        var account = then.account();
        CrmUser owner = AsOf.user(users.user(account.ownerId()).orElse(null),
                userChanges.getOrDefault(account.ownerId(), List.of()), userStamps.get(account.ownerId()), cut);
        return new AccountSnapshot(account, owner, then.contacts(), then.interactions(), then.opportunities(),
                then.cases(), then.history().stream().map(h -> new AccountSnapshot.AccountChange(h.id(), h.field(),
                        h.oldValue(), h.newValue(), h.at())).toList(), portfolio.key(account.id()),
                KeyAccounts.strategic(account.tier(), account.segment(), strategicSegments),
                portfolio.logging(account.ownerId()), then.formerContacts(), then.contactChanges(),
                portfolio.replies(then));
    }

    /** Whatever is dated on the day has happened (the scorecard reads whole UTC days); the next day is the future. */
    static Instant cut(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static List<List<String>> batches(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            out.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return out;
    }
}
