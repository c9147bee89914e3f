package io.redflag.emulator.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.emulator.schema.Schema;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo org loads, and each story account has the data its SIGNALS.md rule needs (checked with plain
 * re-statements of the default rules, not with the product's scorer), while the healthy accounts trip none.
 * Loaded three months after the anchor so that the rebase is exercised too.
 */
class DemoOrgTest {
    static final Path PLAN = Path.of("src/main/resources/demo-org/data-plan.json");
    static final Instant NOW = Instant.parse("2026-10-01T10:00:00Z");
    static final Pattern EXEC = Pattern.compile("(?i).*\\b(chief|ceo|cfo|coo|cio|cto|president)\\b.*");
    static OrgStore store;
    static LoadReport report;
    static Map<String, SRecord> accounts = new TreeMap<>();

    @BeforeAll
    static void load() {
        Schema schema = Schema.standard();
        MetadataLoader.load(MetadataLoaderTest.METADATA, schema);
        store = new OrgStore(schema, Clock.fixed(NOW, ZoneOffset.UTC));
        String admin = PlanLoaderTest.adminUser(store);
        report = PlanLoader.load(PLAN, store, admin, LocalDate.of(2026, 6, 30));
        for (SRecord a : all("Account")) {
            accounts.put((String) a.get("Name"), a);
        }
    }

    @Test
    void loadsWithUsersHistoryAndTwoYearsOfActivity() {
        assertThat(report.created()).containsKeys("User", "Account", "Contact", "Opportunity", "OpportunityHistory",
                "AccountHistory", "Case", "Task", "Event", "OpportunityContactRole");
        assertThat(accounts).hasSizeGreaterThanOrEqualTo(18);
        assertThat(all("User")).filteredOn(u -> u.get("ManagerId") != null).hasSizeGreaterThanOrEqualTo(8);
        Instant oldest = all("Task").stream().map(t -> (Instant) t.get("CreatedDate")).min(Instant::compareTo).get();
        assertThat(Duration.between(oldest, NOW).toDays()).isGreaterThan(690);
        // Rebased: nothing was logged in the future, and follow-ups are still ahead.
        assertThat(all("Task")).allMatch(t -> !((Instant) t.get("CreatedDate")).isAfter(NOW));
        assertThat(all("Task")).anyMatch(t -> !Boolean.TRUE.equals(t.get("IsClosed"))
                && ((LocalDate) t.get("ActivityDate")).isAfter(today()));
        assertThat(accounts.values()).allMatch(a -> a.get("Health_Score__c") == null && a.get("Risk_Level__c") == null);
    }

    // ---------------------------------------------------------------- the rules, restated

    static final Map<String, Predicate<SRecord>> RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("ACTIVITY_DECLINE", a -> {
                double baseline = interactions(a.id(), null, 210, 30).size() / 6.0;
                return baseline >= 2 && interactions(a.id(), null, 30, 0).size() < 0.5 * baseline;
            }),
            Map.entry("CONTACT_SILENT", a -> keyContacts(a.id()).stream().anyMatch(c -> {
                List<Instant> times = interactions(a.id(), c.id(), 180, 0);
                List<Instant> all = interactions(a.id(), c.id(), 3650, 0);
                if (all.isEmpty() || times.size() < 2 && interactions(a.id(), c.id(), 365, 0).size() < 3) {
                    return false;
                }
                List<Instant> window = times.size() >= 2 ? times : interactions(a.id(), c.id(), 365, 0);
                List<Long> gaps = new ArrayList<>();
                for (int i = 1; i < window.size(); i++) {
                    gaps.add(Duration.between(window.get(i - 1), window.get(i)).toDays());
                }
                gaps.sort(Long::compare);
                long median = gaps.get(gaps.size() / 2);
                return daysAgo(all.get(all.size() - 1)) > Math.max(2.5 * median, 30);
            })),
            Map.entry("UNRETURNED_OUTREACH", a -> {
                int attempts = 0;
                int unanswered = 0;
                for (SRecord t : activities("Task", a.id(), 60)) {
                    String subject = String.valueOf(t.get("Subject"));
                    if ("Call".equals(t.get("TaskSubtype")) && "Outbound".equals(t.get("CallType"))) {
                        attempts++;
                        unanswered += "Connected".equals(t.get("CallDisposition")) ? 0 : 1;
                    } else if ("Email".equals(t.get("TaskSubtype")) && !subject.startsWith("Email: Re:")) {
                        attempts++;
                        Instant sent = (Instant) t.get("CompletedDateTime");
                        boolean replied = activities("Task", a.id(), 60).stream().anyMatch(r ->
                                String.valueOf(r.get("Subject")).startsWith("Email: Re:")
                                && r.get("WhoId").equals(t.get("WhoId"))
                                && ((Instant) r.get("CompletedDateTime")).isAfter(sent)
                                && Duration.between(sent, (Instant) r.get("CompletedDateTime")).toDays() <= 7);
                        unanswered += replied ? 0 : 1;
                    }
                }
                for (SRecord e : activities("Event", a.id(), 60)) {
                    if (Set.of("Declined", "Cancelled").contains(e.get("Meeting_Status__c"))) {
                        attempts++;
                        unanswered++;
                    }
                }
                return attempts >= 3 && unanswered >= 0.6 * attempts;
            }),
            Map.entry("KEY_CONTACT_LEFT", a -> keyContacts(a.id()).stream().anyMatch(c ->
                    Boolean.TRUE.equals(c.get("Left_Company__c")) || c.get("EmailBouncedDate") != null)),
            Map.entry("SINGLE_THREADED", a -> {
                Set<String> engaged = interactionRecords(a.id(), 90).stream().map(r -> (String) r.get("WhoId"))
                        .collect(Collectors.toSet());
                return engaged.size() < 2 || keyContacts(a.id()).stream().noneMatch(c -> engaged.contains(c.id()));
            }),
            Map.entry("NO_EXECUTIVE_ACCESS", a -> interactionRecords(a.id(), 180).stream()
                    .noneMatch(r -> EXEC.matcher(String.valueOf(store.get((String) r.get("WhoId")).get("Title")))
                            .matches())),
            Map.entry("EXECUTIVE_CHANGE", a -> a.get("Change_Event__c") != null
                    || contacts(a.id()).stream().anyMatch(c -> EXEC.matcher(String.valueOf(c.get("Title"))).matches()
                            && daysAgo((Instant) c.get("CreatedDate")) <= 60)
                    || history(a.id(), "Parent", 60)),
            Map.entry("OWNER_CHANGE", a -> history(a.id(), "Owner", 90)
                    || Boolean.FALSE.equals(store.get((String) a.get("OwnerId")).get("IsActive"))),
            Map.entry("COMPLAINTS", a -> {
                List<SRecord> open = find("Case", c -> a.id().equals(c.get("AccountId")) && !isTrue(c.get("IsClosed")));
                return open.stream().anyMatch(c -> "High".equals(c.get("Priority")) || isTrue(c.get("IsEscalated"))
                        || daysAgo((Instant) c.get("CreatedDate")) > 30);
            }),
            Map.entry("REVENUE_DECLINE", a -> {
                double trailing = won(a.id(), 0, 365);
                double prior = won(a.id(), 365, 730);
                return prior > 0 && trailing < 0.8 * prior;
            }),
            Map.entry("PIPELINE_STALL", a -> openOpportunities(a.id()).stream().anyMatch(o -> {
                List<SRecord> h = find("OpportunityHistory", r -> o.id().equals(r.get("OpportunityId")));
                long pushes = h.stream().filter(r -> r.get("PrevCloseDate") != null
                        && ((LocalDate) r.get("CloseDate")).isAfter((LocalDate) r.get("PrevCloseDate"))).count();
                boolean cut = h.stream().anyMatch(r -> r.get("PrevAmount") != null
                        && (Double) r.get("Amount") < (Double) r.get("PrevAmount"));
                return pushes >= 2 || cut || ((LocalDate) o.get("CloseDate")).isBefore(today());
            })),
            Map.entry("LOST_TO_COMPETITOR", a -> find("Opportunity", o -> a.id().equals(o.get("AccountId"))
                    && "Closed Lost".equals(o.get("StageName")) && "Competitor".equals(o.get("Loss_Reason__c"))
                    && ((LocalDate) o.get("CloseDate")).isAfter(today().minusDays(180))).size() > 0),
            Map.entry("STALE_PLAN", a -> openOpportunities(a.id()).stream().anyMatch(o -> o.get("NextStep") == null
                    || daysAgo((Instant) o.get("LastModifiedDate")) > 30)
                    && find("Task", t -> a.id().equals(t.get("AccountId")) && !isTrue(t.get("IsClosed"))
                            && ((LocalDate) t.get("ActivityDate")).isAfter(today())).isEmpty()
                    && find("Event", e -> a.id().equals(e.get("AccountId"))
                            && ((Instant) e.get("StartDateTime")).isAfter(NOW)).isEmpty()),
            Map.entry("PIPELINE_COVERAGE", a -> {
                double trailing = won(a.id(), 0, 365);
                double ahead = openOpportunities(a.id()).stream().filter(o -> {
                    LocalDate close = (LocalDate) o.get("CloseDate");
                    return !close.isBefore(today()) && !close.isAfter(today().plusMonths(6));
                }).mapToDouble(o -> (Double) o.get("Amount") * (o.get("Probability") == null ? 100
                        : ((Number) o.get("Probability")).doubleValue()) / 100).sum();
                return trailing > 0 && ahead < 0.5 * trailing;
            })));

    @Test
    void eachStoryAccountTripsItsRule() {
        Map<String, String> stories = Map.ofEntries(Map.entry("Northwind Logistics", "ACTIVITY_DECLINE"),
                Map.entry("Cedar Ridge Health System", "CONTACT_SILENT"),
                Map.entry("Bluepeak Analytics", "UNRETURNED_OUTREACH"),
                Map.entry("Ironclad Manufacturing", "KEY_CONTACT_LEFT"),
                Map.entry("Harborview Hotels Group", "SINGLE_THREADED"),
                Map.entry("Granite State Utilities", "NO_EXECUTIVE_ACCESS"),
                Map.entry("Meridian Foods", "EXECUTIVE_CHANGE"),
                Map.entry("Silverline Aerospace", "OWNER_CHANGE"),
                Map.entry("Redwood Pharma", "OWNER_CHANGE"),
                Map.entry("Pioneer Telecom", "COMPLAINTS"),
                Map.entry("Lakeshore Retail Co.", "REVENUE_DECLINE"),
                Map.entry("Orion Robotics", "PIPELINE_STALL"),
                Map.entry("Falcon Freight", "LOST_TO_COMPETITOR"),
                Map.entry("Keystone Insurance", "STALE_PLAN"),
                Map.entry("Tidewater Shipping", "PIPELINE_COVERAGE"));
        stories.forEach((name, rule) -> {
            assertThat(accounts).as(name).containsKey(name);
            assertThat(RULES.get(rule).test(accounts.get(name))).as(name + " trips " + rule).isTrue();
            assertThat(accounts.get(name).get("Tier__c")).as(name).isEqualTo("Strategic");
        });
    }

    @Test
    void healthyAccountsTripNothing() {
        for (String name : List.of("Summit Health Partners", "Evergreen Energy", "Beacon Financial")) {
            SRecord a = accounts.get(name);
            RULES.forEach((rule, test) -> assertThat(test.test(a)).as(name + " must not trip " + rule).isFalse());
        }
    }

    @Test
    void storyDetails() {
        SRecord ironclad = accounts.get("Ironclad Manufacturing");
        assertThat(contacts(ironclad.id())).filteredOn(c -> isTrue(c.get("Left_Company__c")))
                .singleElement().satisfies(c -> {
                    assertThat(c.get("Title")).isEqualTo("Chief Technology Officer");
                    assertThat(keyContacts(ironclad.id())).contains(c);
                });
        SRecord redwood = accounts.get("Redwood Pharma");
        SRecord tom = store.get((String) redwood.get("OwnerId"));
        assertThat(tom.get("IsActive")).isEqualTo(false);
        assertThat(tom.get("ManagerId")).isNotNull();
        assertThat(history(redwood.id(), "Owner", 90)).isTrue();
        // The quiet owner logs almost nothing across all his accounts: INSUFFICIENT_EVIDENCE, not risk.
        SRecord prairie = accounts.get("Prairie Materials");
        String greg = (String) prairie.get("OwnerId");
        long logged = find("Task", t -> greg.equals(t.get("OwnerId")) && daysAgo((Instant) t.get("CreatedDate")) <= 180)
                .size() + find("Event", e -> greg.equals(e.get("OwnerId"))
                && daysAgo((Instant) e.get("CreatedDate")) <= 180).size();
        assertThat(logged).isLessThanOrEqualTo(2);
        assertThat(find("Account", x -> greg.equals(x.get("OwnerId")))).hasSize(2);
        assertThat(won(prairie.id(), 0, 365)).isGreaterThan(500_000);
    }

    // ---------------------------------------------------------------- helpers

    static LocalDate today() {
        return LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    }

    static long daysAgo(Instant t) {
        return Duration.between(t, NOW).toDays();
    }

    static boolean isTrue(Object o) {
        return Boolean.TRUE.equals(o);
    }

    static List<SRecord> all(String type) {
        return store.snapshot(store.schema().find(type), false);
    }

    static List<SRecord> find(String type, Predicate<SRecord> p) {
        return store.find(store.schema().find(type), false, p);
    }

    static List<SRecord> contacts(String accountId) {
        return find("Contact", c -> accountId.equals(c.get("AccountId")));
    }

    /** Executive titles, and decision makers, economic buyers and primary contacts on opportunities. */
    static List<SRecord> keyContacts(String accountId) {
        Set<String> opps = find("Opportunity", o -> accountId.equals(o.get("AccountId"))).stream().map(SRecord::id)
                .collect(Collectors.toSet());
        Set<String> roles = find("OpportunityContactRole", r -> opps.contains(r.get("OpportunityId"))
                && (isTrue(r.get("IsPrimary")) || Set.of("Decision Maker", "Economic Buyer").contains(r.get("Role"))))
                .stream().map(r -> (String) r.get("ContactId")).collect(Collectors.toSet());
        return contacts(accountId).stream().filter(c -> roles.contains(c.id())
                || EXEC.matcher(String.valueOf(c.get("Title"))).matches()).toList();
    }

    static List<SRecord> activities(String type, String accountId, int days) {
        return find(type, r -> accountId.equals(r.get("AccountId")) && daysAgo((Instant) r.get("CreatedDate")) <= days
                && !((Instant) r.get("CreatedDate")).isAfter(NOW));
    }

    /** Completed connected calls, emails, held meetings. */
    static List<SRecord> interactionRecords(String accountId, int days) {
        List<SRecord> out = new ArrayList<>();
        for (SRecord t : find("Task", t -> accountId.equals(t.get("AccountId")) && isTrue(t.get("IsClosed")))) {
            boolean call = "Call".equals(t.get("TaskSubtype")) && "Connected".equals(t.get("CallDisposition"));
            boolean email = "Email".equals(t.get("TaskSubtype")) && t.get("Description") == null
                    || "Inbound reply from the customer.".equals(t.get("Description"));
            Instant when = (Instant) t.get("CompletedDateTime");
            if ((call || email) && when != null && daysAgo(when) < days) {
                out.add(t);
            }
        }
        for (SRecord e : find("Event", e -> accountId.equals(e.get("AccountId")) && "Held".equals(
                e.get("Meeting_Status__c")))) {
            Instant when = (Instant) e.get("StartDateTime");
            if (when.isBefore(NOW) && daysAgo(when) < days) {
                out.add(e);
            }
        }
        return out;
    }

    /** Interaction times (of one contact when given) in [now - from days, now - to days), oldest first. */
    static List<Instant> interactions(String accountId, String contactId, int from, int to) {
        List<Instant> out = new ArrayList<>();
        for (SRecord r : interactionRecords(accountId, from)) {
            Instant when = (Instant) (r.type().name().equals("Task") ? r.get("CompletedDateTime") : r.get("StartDateTime"));
            if ((contactId == null || contactId.equals(r.get("WhoId"))) && daysAgo(when) >= to) {
                out.add(when);
            }
        }
        out.sort(Instant::compareTo);
        return out;
    }

    static boolean history(String accountId, String field, int days) {
        return !find("AccountHistory", h -> accountId.equals(h.get("AccountId")) && field.equals(h.get("Field"))
                && daysAgo((Instant) h.get("CreatedDate")) <= days).isEmpty();
    }

    static List<SRecord> openOpportunities(String accountId) {
        return find("Opportunity", o -> accountId.equals(o.get("AccountId")) && !isTrue(o.get("IsClosed")));
    }

    static double won(String accountId, int fromDays, int toDays) {
        return find("Opportunity", o -> accountId.equals(o.get("AccountId")) && isTrue(o.get("IsWon"))).stream()
                .filter(o -> {
                    long ago = today().toEpochDay() - ((LocalDate) o.get("CloseDate")).toEpochDay();
                    return ago >= fromDays && ago < toDays;
                }).mapToDouble(o -> (Double) o.get("Amount")).sum();
    }
}
