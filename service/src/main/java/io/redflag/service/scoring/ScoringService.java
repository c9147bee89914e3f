package io.redflag.service.scoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.redflag.connector.resilience.ApiBudgetExhaustedException;
import io.redflag.connector.resilience.CrmException;
import io.redflag.domain.model.CrmUser;
import io.redflag.domain.scoring.AccountSnapshot;
import io.redflag.domain.scoring.Assessment;
import io.redflag.domain.scoring.FollowUp;
import io.redflag.domain.scoring.FollowUpPlanner;
import io.redflag.domain.scoring.Scorecard;
import io.redflag.service.store.DirtyAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores the accounts waiting in the dirty queue (every account when a full read or the daily run asked
 * for it), stores the assessments, offers the risk fields to the outbox and plans follow-ups. One run at a
 * time; a queue entry is removed only after its account's results are stored. Follow-ups are planned on what
 * the CRM holds ({@link FollowUpRound}); when the CRM cannot be read, the accounts that may need a task are
 * queued again and planned in a later run, while their scores and risk fields go on. What the weekly cap held
 * back is kept ({@link HeldBack}) and, once a week, listed to the assignees' managers ({@link HeldBackDigest}). Each
 * run scores against the portfolio {@link RunPortfolios} gives it, and runs count the day's accounts per level for
 * the portfolio page's weeks ({@link LevelCounts}). Meters: {@value #DURATION}
 * (one run, tagged {@code accounts}: {@code every} or {@code changed}) and {@value #HELD_BACK}.
 */
public final class ScoringService {
    private static final Logger log = LoggerFactory.getLogger(ScoringService.class);
    private static final int BATCH = 500;
    static final String DURATION = "redflag.scoring.duration";
    static final String HELD_BACK = "redflag.followups.held.back";

    /** What one run did. */
    public record Run(int scored, int pendingWrites, int plannedTasks, Duration took) {
    }

    private final StoreReader reader;
    private final ActiveScorecard scorecards;
    private final Snapshots snapshots;
    private final AssessmentStore assessments;
    private final LevelCounts levelCounts;
    private final Outbox outbox;
    private final FollowUpLedger ledger;
    private final HeldFollowUps held;
    private final HeldBack heldBackNow;
    private final HeldBackDigest digests;
    private final DirtyAccounts dirty;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer everyAccountRuns;
    private final Timer changedAccountRuns;
    private final Counter heldBack;
    private final RunPortfolios portfolios;
    private final ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "redflag-scoring-reader");
        t.setDaemon(true);
        return t;
    });

    ScoringService(DataSource dataSource, StoreReader reader, ActiveScorecard scorecards, Snapshots snapshots,
            AssessmentStore assessments, Outbox outbox, FollowUpLedger ledger, HeldFollowUps held,
            HeldBack heldBackNow, HeldBackDigest digests, DirtyAccounts dirty, Clock clock, MeterRegistry meters) {
        this.portfolios = new RunPortfolios(dataSource, dirty);
        this.reader = reader;
        this.scorecards = scorecards;
        this.snapshots = snapshots;
        this.assessments = assessments;
        this.levelCounts = new LevelCounts(assessments);
        this.outbox = outbox;
        this.ledger = ledger;
        this.held = held;
        this.heldBackNow = heldBackNow;
        this.digests = digests;
        this.dirty = dirty;
        this.clock = clock;
        this.meters = meters;
        this.everyAccountRuns = runTimer(meters, "every");
        this.changedAccountRuns = runTimer(meters, "changed");
        this.heldBack = Counter.builder(HELD_BACK).baseUnit("tasks")
                .description("follow-up tasks the weekly cap per assignee held back, counted each time an account's"
                        + " scoring holds one back")
                .register(meters);
    }

    private static Timer runTimer(MeterRegistry meters, String accounts) {
        return Timer.builder(DURATION).tag("accounts", accounts)
                .description("how long one scoring run took: read, score, store, offer to the outbox, plan follow-ups")
                .register(meters);
    }

    /** Scores what the dirty queue holds; returns null when it was empty. */
    public Run scoreChanged() {
        return scoreChanged(() -> true);
    }

    /**
     * Scores what the dirty queue holds, asking {@code goOn} between batches of accounts; returns null when the
     * queue was empty or {@code goOn} said stop. A stopped run leaves the whole queue as it was: the next run (on
     * this replica or the next leader) scores those accounts again, which rewrites the same state.
     */
    public synchronized Run scoreChanged(BooleanSupplier goOn) {
        List<DirtyAccounts.Entry> entries = dirty.oldest(5_000);
        if (entries.isEmpty()) {
            return null;
        }
        boolean all = entries.stream().anyMatch(e -> DirtyAccounts.isEveryAccount(e.accountId()));
        Run run = all ? score(reader.accountIds(), true, goOn) : score(entries.stream()
                .map(DirtyAccounts.Entry::accountId).toList(), false, goOn);
        if (run != null) {
            dirty.done(entries);
        }
        return run;
    }

    /** Scores every account now (the daily run goes through the queue instead, to survive a restart). */
    public synchronized Run scoreAll() {
        return score(reader.accountIds(), true, () -> true);
    }

    private static List<StoredAccount> await(Future<List<StoredAccount>> next) {
        try {
            return next.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading accounts", e);
        }
    }

    /**
     * @param everyAccount ids are every live account in id order: batches are read as id ranges
     * @return null when {@code goOn} said stop before the last batch
     */
    private Run score(List<String> ids, boolean everyAccount, BooleanSupplier goOn) {
        // The registry's clock, not the injected one: tests fix the latter, and a duration is wall time.
        Timer.Sample sample = Timer.start(meters);
        Instant started = clock.instant();
        Instant asOf = started;
        // One scorecard for the whole run, even when an admin applies another meanwhile (it queues every account).
        Scorecard scorecard = scorecards.current();
        FollowUpPlanner planner = new FollowUpPlanner(scorecard.config());
        Portfolio portfolio = portfolios.forRun(asOf, everyAccount, snapshots.portfolioSettings(scorecard.config()));
        LocalDate trendDay = Scorecard.trendDay(asOf);
        levelCounts.beforeRun(asOf);
        int pending = 0;
        int planned = 0;
        // Many accounts: one pass over the store's follow-ups beats a look-up per batch.
        FollowUpRound followUps = new FollowUpRound(planner, ledger, held, asOf,
                ids.size() > 2_000 ? ledger.existingEverywhere() : null);
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        // Read the next batch from the store while this one is scored: the database and the scorecard work at once.
        Function<List<String>, List<StoredAccount>> read = everyAccount
                ? batch -> reader.readRange(batch.get(0), batch.get(batch.size() - 1)) : reader::read;
        Future<List<StoredAccount>> next = batches.isEmpty() ? null : prefetch.submit(() -> read.apply(batches.get(0)));
        for (int b = 0; b < batches.size(); b++) {
            if (!goOn.getAsBoolean()) {
                if (next != null) {
                    next.cancel(true);
                }
                log.info("Scoring stopped after {} of {} accounts: this replica no longer leads; the queue stays for"
                        + " the next run", b * BATCH, ids.size());
                return null;
            }
            List<String> batch = batches.get(b);
            List<StoredAccount> stored = await(next);
            int following = b + 1;
            next = following < batches.size() ? prefetch.submit(() -> read.apply(batches.get(following))) : null;
            List<Assessment> done = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            Map<String, CrmUser> owners = new HashMap<>();
            Map<String, CrmUser> managers = new HashMap<>();
            Map<String, Integer> earlier = assessments.scoresOn(batch, trendDay);
            for (StoredAccount one : stored) {
                var account = one.account();
                CrmUser owner = snapshots.owner(one);
                AccountSnapshot snapshot = snapshots.of(one, owner, portfolio);
                Assessment a = scorecard.assess(snapshot, asOf);
                Integer before = earlier.get(account.id());
                if (before == null) {
                    // No stored score 30 days back: scoring is pure, so replay it as of then.
                    before = scorecard.scoreOn(snapshot, trendDay);
                }
                done.add(a.withTrend(before));
                names.put(account.id(), account.name());
                if (owner != null) {
                    owners.put(account.id(), owner);
                    CrmUser manager = snapshots.managerOfInactive(owner);
                    if (manager != null) {
                        managers.put(manager.id(), manager);
                    }
                }
            }
            assessments.save(done);
            pending += outbox.offer(done);
            FollowUpRound.Candidates candidates = followUps.candidates(batch, done, names, owners, managers);
            FollowUpPlanner.Plan plan;
            try {
                plan = followUps.plan(candidates, done, names, owners, managers);
            } catch (CrmException | ApiBudgetExhaustedException e) {
                log.warn("Follow-ups of {} accounts wait: the CRM could not be read to plan them; they are queued"
                        + " again: {}", candidates.accounts().size(), e.getMessage());
                dirty.queue(candidates.accounts(), asOf);
                continue;
            }
            List<FollowUp> ups = plan.tasks();
            ledger.plan(ups, plan.replacements());
            heldBackNow.replace(names.keySet(), plan.heldBack(), asOf);
            heldBack.increment(plan.heldBack().size());
            planned += ups.size();
        }
        planned += digests.plan(asOf);
        levelCounts.afterRun(asOf, everyAccount);
        sample.stop(everyAccount ? everyAccountRuns : changedAccountRuns);
        Run run = new Run(ids.size(), pending, planned, Duration.between(started, clock.instant()));
        log.info("Scored {} accounts in {} ms: {} risk-field updates and {} follow-up tasks to write", run.scored(),
                run.took().toMillis(), pending, planned);
        return run;
    }
}
