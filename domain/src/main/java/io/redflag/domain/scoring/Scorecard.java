package io.redflag.domain.scoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores accounts: a pure function of (snapshot, as-of time, configuration). Start at 100, subtract each
 * risk's points (capped per signal; multiplied for the strategic segment), add back positive evidence
 * (capped, and at most a quarter of the risk points), clamp to 0..100, read the level; a critical finding
 * holds the level at At Risk or worse; a Healthy level whose evidence coverage is below minimumCoverage is
 * Unknown.
 */
public final class Scorecard {
    private static final Map<Signal, Function<Facts, List<Finding>>> SIGNALS = new EnumMap<>(Signal.class);

    static {
        SIGNALS.put(Signal.ACTIVITY_DECLINE, ActivitySignals::activityDecline);
        SIGNALS.put(Signal.CONTACT_SILENT, RelationshipSignals::contactSilent);
        SIGNALS.put(Signal.UNRETURNED_OUTREACH, ActivitySignals::unreturnedOutreach);
        SIGNALS.put(Signal.KEY_CONTACT_LEFT, RelationshipSignals::keyContactLeft);
        SIGNALS.put(Signal.SINGLE_THREADED, RelationshipSignals::singleThreaded);
        SIGNALS.put(Signal.NO_EXECUTIVE_ACCESS, RelationshipSignals::noExecutiveAccess);
        SIGNALS.put(Signal.EXECUTIVE_CHANGE, RelationshipSignals::executiveChange);
        SIGNALS.put(Signal.OWNER_CHANGE, AccountSignals::ownerChange);
        SIGNALS.put(Signal.COMPLAINTS, AccountSignals::complaints);
        SIGNALS.put(Signal.REVENUE_DECLINE, DealSignals::revenueDecline);
        SIGNALS.put(Signal.PIPELINE_STALL, DealSignals::pipelineStall);
        SIGNALS.put(Signal.LOST_TO_COMPETITOR, DealSignals::lostToCompetitor);
        SIGNALS.put(Signal.STALE_PLAN, DealSignals::stalePlan);
        SIGNALS.put(Signal.PIPELINE_COVERAGE, DealSignals::pipelineCoverage);
    }

    /**
     * Most severe first, then most points; ties broken by signal, then by the record the finding is about (its
     * id: stable from day to day, unlike the numbers in the text), then by the text; never by input order.
     */
    private static final Comparator<Finding> SEVERITY_ORDER = Comparator.comparing(Finding::severity,
            Comparator.reverseOrder()).thenComparing(Finding::points, Comparator.reverseOrder())
            .thenComparing(Finding::key).thenComparing(f -> f.subjectId() == null ? "" : f.subjectId())
            .thenComparing(Finding::explanation);

    /** The trend is the score now minus the score this many days earlier. */
    public static final int TREND_DAYS = 30;

    private final ScorecardConfig config;
    /** The configuration as hashed text, written once: it is part of every assessment's input hash. */
    private final String configText;
    private final Facts.Titles titles;

    public Scorecard(ScorecardConfig config) {
        this.config = config.validate();
        this.configText = config.toString();
        this.titles = new Facts.Titles(config);
    }

    public ScorecardConfig config() {
        return config;
    }

    public Assessment assess(AccountSnapshot snapshot, Instant asOf) {
        return assess(snapshot, asOf, true);
    }

    /**
     * The day the trend compares with: {@link #TREND_DAYS} UTC days before the as-of day. A whole day, not the
     * instant 30 days back, so every rescore on one day compares with the same earlier score.
     */
    public static LocalDate trendDay(Instant asOf) {
        return LocalDate.ofInstant(asOf, ZoneOffset.UTC).minusDays(TREND_DAYS);
    }

    /**
     * The score the account had on an earlier day (replayed from the snapshot, for the trend when no
     * assessment was stored then). Skips the input hash, which a replay does not keep.
     */
    public int scoreOn(AccountSnapshot snapshot, LocalDate day) {
        return assess(snapshot, day.atStartOfDay(ZoneOffset.UTC).toInstant(), false).score();
    }

    private Assessment assess(AccountSnapshot snapshot, Instant asOf, boolean withHash) {
        Facts facts = new Facts(snapshot, asOf, config, titles);
        Set<Evidence> present = Inputs.present(facts);
        double multiplier = snapshot.strategic() ? config.strategicMultiplier() : 1.0;
        List<Finding> findings = new ArrayList<>();
        Set<Signal> spoke = EnumSet.noneOf(Signal.class);
        int risk = 0;
        for (var entry : SIGNALS.entrySet()) {
            Signal signal = entry.getKey();
            List<Finding> found = entry.getValue().apply(facts);
            if (found.isEmpty()) {
                continue;
            }
            if (signal.restsOnAbsence() && !present.containsAll(signal.needs())) {
                findings.add(insufficient(signal, found.get(0), snapshot, present));
                continue;
            }
            spoke.add(signal);
            int cap = config.weights().get(signal).cap();
            int points = 0;
            // The most severe findings take the signal's points first, in an order the inputs' order cannot change.
            for (Finding f : found.stream().sorted(SEVERITY_ORDER).toList()) {
                int p = (int) Math.round(Math.min(f.points(), Math.max(0, cap - points)) * multiplier);
                points += f.points();
                findings.add(new Finding(f.key(), f.kind(), f.severity(), p, f.explanation(), f.recordIds(),
                        f.subjectId()));
                risk += p;
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.kind() == Finding.Kind.INSUFFICIENT_EVIDENCE)
                .thenComparing(SEVERITY_ORDER));
        List<Finding> positives = PositiveEvidence.find(facts);
        // Good news softens risks but never hides them: at most a quarter of the risk points come back.
        int back = Math.min(Math.min(config.positiveCap(), risk / 4), positives.stream().mapToInt(Finding::points)
                .sum());
        int score = Math.max(0, Math.min(100, 100 - risk + back));
        Level level = level(score);
        boolean critical = findings.stream().anyMatch(f -> f.kind() == Finding.Kind.RISK
                && f.severity() == Severity.CRITICAL);
        if (critical && level.ordinal() < Level.AT_RISK.ordinal()) {
            level = Level.AT_RISK;
        }
        Coverage coverage = Coverage.of(present, SIGNALS.keySet().stream().filter(sig -> applies(sig, snapshot))
                .toList(), spoke);
        if (level == Level.HEALTHY && coverage.share() < config.minimumCoverage()) {
            level = Level.UNKNOWN; // no risk found, but too little evidence to call it health
        }
        return new Assessment(snapshot.account().id(), asOf, score, level, findings, positives,
                snapshot.keyAccount(), snapshot.strategic(), config.version(), withHash ? hash(snapshot, asOf) : null,
                null, coverage);
    }

    /** Executive access is asked of the strategic segment only, pipeline coverage of key accounts only. */
    private static boolean applies(Signal signal, AccountSnapshot snapshot) {
        return switch (signal) {
            case NO_EXECUTIVE_ACCESS -> snapshot.strategic();
            case PIPELINE_COVERAGE -> snapshot.keyAccount();
            default -> true;
        };
    }

    private Level level(int score) {
        var l = config.levels();
        return score >= l.healthy() ? Level.HEALTHY : score >= l.watch() ? Level.WATCH
                : score >= l.atRisk() ? Level.AT_RISK : Level.CRITICAL;
    }

    /** A risk the records cannot support: what is missing may be missing from the CRM, not at the customer. */
    private static Finding insufficient(Signal signal, Finding first, AccountSnapshot s, Set<Evidence> present) {
        var logging = s.ownerLogging();
        Evidence missing = signal.needs().stream().filter(e -> !present.contains(e)).findFirst().orElseThrow();
        String why = switch (missing) {
            case ACTIVITY_LOGGING -> logging.accountsOwned() <= 0 ? "how much the owner logs is unknown"
                    : "the owner logged " + logging.interactionsLast90Days() + " interactions in 90 days across "
                            + logging.accountsOwned() + " accounts, too few to tell silence from missing logs";
            case CONTACT_ROLES -> "no contact of the account has a role or a title, so its key contacts cannot be told";
            case REVENUE_HISTORY -> "the account's deals do not reach back over the revenue history window";
            case FIELD_HISTORY -> "no field history of the account reaches Redflag";
        };
        return new Finding(signal.name(), Finding.Kind.INSUFFICIENT_EVIDENCE, Severity.LOW, 0, "Not counted as risk: "
                + why + " (" + first.explanation() + ")", first.recordIds(), first.subjectId());
    }

    /** SHA-256 of the inputs: the snapshot's records as of asOf's day, the as-of time and the configuration. */
    private String hash(AccountSnapshot s, Instant asOf) {
        Instant end = Facts.horizon(asOf);
        StringBuilder in = new StringBuilder(16384).append(asOf).append('\n').append(configText).append('\n');
        InputText.append(in, s.account());
        InputText.append(in, s.owner()).append(s.keyAccount()).append(s.strategic());
        InputText.append(in, s.ownerLogging());
        s.replyLogging().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> InputText.append(
                in.append(e.getKey()).append('='), e.getValue()));
        in.append('\n');
        appendSorted(in, s.contacts().stream().filter(c -> c.createdAt() == null || c.createdAt().isBefore(end)));
        appendSorted(in, s.interactions().stream());
        appendSorted(in, s.opportunities().stream().filter(o -> o.createdAt() == null || o.createdAt().isBefore(end)));
        appendSorted(in, s.cases().stream().filter(c -> c.openedAt() == null || c.openedAt().isBefore(end)));
        appendSorted(in, s.history().stream().filter(h -> h.at().isBefore(end)));
        appendSorted(in, s.formerContacts().stream());
        appendSorted(in, s.contactChanges().stream().filter(c -> c.at().isBefore(end)));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(in.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void appendSorted(StringBuilder in, java.util.stream.Stream<?> records) {
        records.map(InputText::text).sorted().forEach(r -> in.append(r).append('\n'));
    }
}
