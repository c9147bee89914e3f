package io.redflag.emulator.data;

import io.redflag.emulator.schema.SObjectDef;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SaveResult;
import io.redflag.emulator.store.WriteContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a large, realistic org straight into the store, for volume tests and benchmarks: users (owners
 * with managers, a few who left), and per account about 5 contacts, 3 opportunities with their history,
 * 50 activities (calls, emails, meetings, a few open follow-ups) and a case, over the last two years.
 *
 * <p>About a third of the accounts tell a risk story from SIGNALS.md (a departed key contact, a silent
 * contact, an owner change, an escalated case, falling revenue, a stalled deal …); the rest are healthy.
 *
 * <p>Deterministic: the same seed and the same store clock give the same records with the same ids in a
 * fresh store (one SplittableRandom, consumed in a fixed order; no hash-order iteration). Records are
 * created one by one through the store, so nothing but the org itself is held in memory.
 */
public final class DataGenerator {
    static final String[] STORIES = {"ACTIVITY_DECLINE", "CONTACT_SILENT", "UNRETURNED_OUTREACH",
        "KEY_CONTACT_LEFT", "SINGLE_THREADED", "EXECUTIVE_CHANGE", "OWNER_CHANGE", "COMPLAINTS", "REVENUE_DECLINE",
        "PIPELINE_STALL", "LOST_TO_COMPETITOR", "STALE_PLAN"};
    private static final String HEALTHY = "HEALTHY";
    private static final long DAY = 86_400;

    private static final String[] FIRST = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
        "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
        "Sarah", "Carlos", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Priya", "Mark", "Wei",
        "Ahmed", "Sofia", "Kenji", "Olga", "Liam", "Amara", "Noah", "Fatima", "Lucas", "Ingrid", "Mateo", "Hannah"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
        "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
        "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker",
        "Young", "Allen", "King", "Wright", "Scott", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker"};
    private static final String[] NAME_A = {"Northwind", "Bluewater", "Summit", "Ironclad", "Cedar", "Harbor",
        "Granite", "Silverline", "Redwood", "Pioneer", "Meridian", "Lakeshore", "Crescent", "Evergreen", "Falcon",
        "Keystone", "Orion", "Prairie", "Riverstone", "Sterling", "Vanguard", "Westfield", "Alder", "Beacon"};
    private static final String[] NAME_B = {"Logistics", "Health", "Energy", "Foods", "Manufacturing", "Retail",
        "Systems", "Financial", "Pharma", "Telecom", "Freight", "Analytics", "Materials", "Aerospace", "Hotels",
        "Insurance", "Robotics", "Utilities", "Media", "Construction"};
    private static final String[] NAME_C = {"Inc.", "Corp.", "Group", "Holdings", "Ltd.", "LLC", "Partners", "Co."};
    private static final String[] INDUSTRY = {"Manufacturing", "Healthcare", "Energy", "Retail", "Technology",
        "Finance", "Transportation", "Telecommunications", "Insurance", "Food & Beverage", "Construction", "Media"};
    private static final String[] CITY = {"Chicago", "Boston", "Denver", "Austin", "Seattle", "Atlanta", "Newark",
        "Phoenix", "Columbus", "Portland"};
    private static final String[] STATE = {"IL", "MA", "CO", "TX", "WA", "GA", "NJ", "AZ", "OH", "OR"};
    private static final String[] EXEC_TITLES = {"Chief Executive Officer", "Chief Financial Officer",
        "Chief Operating Officer", "Chief Information Officer", "CTO", "President"};
    private static final String[] OTHER_TITLES = {"VP Operations", "Director of Procurement", "IT Manager",
        "Operations Manager", "Procurement Manager", "Director of Engineering", "Project Manager", "Buyer",
        "Head of Supply Chain", "Finance Manager"};
    private static final String[] TOPICS = {"quarterly business review", "renewal terms", "rollout plan",
        "support escalation follow-up", "pricing for the expansion", "integration timeline", "training schedule",
        "usage report", "contract amendment", "executive sponsor check-in", "security questionnaire",
        "product roadmap"};
    private static final String[] CALL_SUBJECTS = prefixed("Call: ");
    private static final String[] EMAIL_OUT = prefixed("Email: ");
    private static final String[] EMAIL_IN = prefixed("Email: Re: ");
    private static final String[] MEETINGS = prefixed("Meeting: ");
    private static final String[] FOLLOW_UPS = {"Send revised proposal", "Prepare QBR deck", "Confirm renewal "
        + "paperwork", "Schedule onsite workshop", "Share implementation plan"};
    private static final String[] OPP_KIND = {"Renewal", "Expansion", "New Line", "Services", "Upgrade"};
    private static final String[] CASE_SUBJECTS = {"Login failures after update", "Invoice discrepancy",
        "Slow report generation", "Data export incomplete", "Integration errors on nightly sync",
        "Shipment tracking not updating"};
    private static final String[] COMPETITORS = {"Vantage Systems", "Corelink", "Apexion", "BrightPath"};
    private static final String[] LOST_DESCRIPTIONS = competitorDescriptions();

    private final OrgStore store;
    private final SplittableRandom rng;
    private final Instant now;
    private final Instant start;
    private final WriteContext ctx;
    private final Map<String, Integer> created = new LinkedHashMap<>();
    private final Map<String, Integer> stories = new LinkedHashMap<>();
    private final SObjectDef user;
    private final SObjectDef account;
    private final SObjectDef contact;
    private final SObjectDef opportunity;
    private final SObjectDef contactRole;
    private final SObjectDef opportunityHistory;
    private final SObjectDef accountHistory;
    private final SObjectDef task;
    private final SObjectDef event;
    private final SObjectDef supportCase;
    /** Custom fields are used when the plugin's metadata is loaded, and left out otherwise. */
    private final boolean hasTier;
    private final boolean hasLeft;
    private final boolean hasLossReason;
    private final boolean hasMeetingStatus;
    private final boolean hasChangeEvent;
    private String[] activeOwners;
    private String[] inactiveOwners;

    private DataGenerator(OrgStore store, long seed, String adminId) {
        this.store = store;
        this.rng = new SplittableRandom(seed);
        this.now = store.now();
        this.start = now.minusSeconds(730 * DAY);
        this.ctx = WriteContext.loader(adminId, false);
        var s = store.schema();
        user = s.find("User");
        account = s.find("Account");
        contact = s.find("Contact");
        opportunity = s.find("Opportunity");
        contactRole = s.find("OpportunityContactRole");
        opportunityHistory = s.find("OpportunityHistory");
        accountHistory = s.find("AccountHistory");
        task = s.find("Task");
        event = s.find("Event");
        supportCase = s.find("Case");
        hasTier = account.hasField("Tier__c");
        hasLeft = contact.hasField("Left_Company__c");
        hasLossReason = opportunity.hasField("Loss_Reason__c");
        hasMeetingStatus = event.hasField("Meeting_Status__c");
        hasChangeEvent = account.hasField("Change_Event__c");
    }

    /** Generates {@code accounts} accounts and everything around them into the store. */
    public static GenerationReport generate(OrgStore store, int accounts, long seed) {
        long began = System.nanoTime();
        new GenerateSpec(accounts, seed);
        String admin = store.create(store.schema().find("User"), Map.of("Username", "integration@generated.test",
                "FirstName", "Integration", "LastName", "User", "Email", "integration@generated.test", "Alias",
                "integ", "CreatedDate", store.now().minusSeconds(1000 * DAY)), WriteContext.loader(null, false)).id();
        DataGenerator g = new DataGenerator(store, seed, admin);
        g.count("User");
        g.users(accounts);
        for (int i = 0; i < accounts; i++) {
            g.account(i);
        }
        return new GenerationReport(g.created, g.stories, (System.nanoTime() - began) / 1_000_000);
    }

    // ---------------------------------------------------------------- users

    private void users(int accounts) {
        int owners = Math.max(2, accounts / 75);
        int managers = Math.max(1, (owners + 7) / 8);
        int inactive = owners >= 5 ? Math.max(1, owners / 25) : 0;
        Instant created = start.minusSeconds(200 * DAY);
        String vp = newUser("Vice President, Sales", null, true, created, 0);
        String[] managerIds = new String[managers];
        for (int m = 0; m < managers; m++) {
            managerIds[m] = newUser("Regional Sales Manager", vp, true, created, m + 1);
        }
        List<String> active = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (int o = 0; o < owners; o++) {
            boolean left = o >= owners - inactive;
            String id = newUser("Account Executive", managerIds[o % managers], !left, created.plusSeconds(o * DAY),
                    managers + 1 + o);
            (left ? gone : active).add(id);
        }
        activeOwners = active.toArray(String[]::new);
        inactiveOwners = gone.toArray(String[]::new);
    }

    private String newUser(String title, String manager, boolean active, Instant created, int n) {
        String first = FIRST[n % FIRST.length];
        String last = LAST[(n / FIRST.length + n * 7) % LAST.length];
        String login = (first + "." + last + n).toLowerCase() + "@generated.test";
        Map<String, Object> f = new HashMap<>();
        f.put("Username", login);
        f.put("FirstName", first);
        f.put("LastName", last);
        f.put("Email", login);
        f.put("Alias", ("u" + n).length() > 8 ? ("u" + n).substring(0, 8) : "u" + n);
        f.put("Title", title);
        f.put("Department", "Sales");
        f.put("IsActive", active);
        f.put("ManagerId", manager);
        f.put("TimeZoneSidKey", "America/New_York");
        f.put("LocaleSidKey", "en_US");
        f.put("LanguageLocaleKey", "en_US");
        f.put("EmailEncodingKey", "UTF-8");
        f.put("ProfileId", store.standardProfileId("Standard User"));
        stamp(f, created, active ? created : now.minusSeconds((20 + n % 60) * DAY));
        return create(user, f);
    }

    // ---------------------------------------------------------------- accounts

    private void account(int index) {
        String story = rng.nextInt(100) < 65 ? HEALTHY : STORIES[rng.nextInt(STORIES.length)];
        stories.merge(story, 1, Integer::sum);
        String owner = activeOwners[rng.nextInt(activeOwners.length)];
        String previousOwner = null;
        boolean ownerGone = false;
        if (story.equals("OWNER_CHANGE")) {
            ownerGone = inactiveOwners.length > 0 && rng.nextInt(3) == 0;
            previousOwner = owner;
            owner = ownerGone ? inactiveOwners[rng.nextInt(inactiveOwners.length)]
                    : activeOwners[rng.nextInt(activeOwners.length)];
        }
        Instant created = start.minusSeconds(rng.nextLong(365 * DAY)).plusSeconds(rng.nextLong(120 * DAY));
        Map<String, Object> a = new HashMap<>();
        String name = NAME_A[rng.nextInt(NAME_A.length)] + " " + NAME_B[rng.nextInt(NAME_B.length)] + " "
                + NAME_C[rng.nextInt(NAME_C.length)];
        a.put("Name", index % 3 == 0 ? name : name + " " + (index + 1));
        a.put("Type", "Customer - Direct");
        int city = rng.nextInt(CITY.length);
        a.put("Industry", INDUSTRY[rng.nextInt(INDUSTRY.length)]);
        a.put("BillingCity", CITY[city]);
        a.put("BillingState", STATE[city]);
        a.put("BillingCountry", "United States");
        int size = rng.nextInt(100);
        double revenue = size < 10 ? 200_000_000 + rng.nextInt(2_000_000_000) : 5_000_000 + rng.nextInt(150_000_000);
        a.put("AnnualRevenue", revenue);
        a.put("NumberOfEmployees", (int) (revenue / 250_000));
        a.put("OwnerId", owner);
        if (hasTier) {
            a.put("Tier__c", size < 10 ? "Strategic" : size < 30 ? "Key" : "Standard");
        }
        if (hasChangeEvent && story.equals("EXECUTIVE_CHANGE") && rng.nextBoolean()) {
            a.put("Change_Event__c", rng.nextBoolean() ? "Restructuring" : "Acquisition");
        }
        Instant changed = previousOwner != null ? now.minusSeconds((10 + rng.nextInt(70)) * DAY) : created;
        stamp(a, created, changed);
        String accountId = create(account, a);
        history(accountId, "created", null, null, "Text", created, owner);
        if (previousOwner != null) {
            history(accountId, "Owner", previousOwner, owner, "EntityId", changed, previousOwner);
        }
        double scale = size < 10 ? 8 : size < 30 ? 3 : 1;

        // Contacts: the first is an executive (the key contact of the stories); at least three per account.
        int contacts = 3 + rng.nextInt(5);
        String[] contactIds = new String[contacts];
        for (int c = 0; c < contacts; c++) {
            contactIds[c] = contact(accountId, owner, c, story, created);
        }
        opportunities(accountId, owner, contactIds, story, created, scale);
        activities(accountId, owner, previousOwner, contactIds, story, created);
        cases(accountId, owner, contactIds, story, created);
    }

    private String contact(String accountId, String owner, int c, String story, Instant accountCreated) {
        Map<String, Object> f = new HashMap<>();
        String first = FIRST[rng.nextInt(FIRST.length)];
        String last = LAST[rng.nextInt(LAST.length)];
        f.put("AccountId", accountId);
        f.put("FirstName", first);
        f.put("LastName", last);
        f.put("Title", c == 0 ? EXEC_TITLES[rng.nextInt(EXEC_TITLES.length)] : OTHER_TITLES[rng.nextInt(
                OTHER_TITLES.length)]);
        f.put("Email", (first.charAt(0) + "." + last + "@example.com").toLowerCase());
        f.put("Phone", "(555) 01" + (10 + rng.nextInt(89)) + "-" + (1000 + rng.nextInt(8999)));
        f.put("OwnerId", owner);
        Instant created = accountCreated.plusSeconds(rng.nextLong(30 * DAY));
        Instant modified = created;
        if (story.equals("EXECUTIVE_CHANGE") && c == 0) {
            created = now.minusSeconds((5 + rng.nextInt(50)) * DAY);
            modified = created;
        }
        if (story.equals("KEY_CONTACT_LEFT") && c == 0) {
            modified = now.minusSeconds((3 + rng.nextInt(40)) * DAY);
            if (hasLeft) {
                f.put("Left_Company__c", true);
            }
            f.put("EmailBouncedDate", modified);
            f.put("EmailBouncedReason", "550 5.1.1 Recipient address rejected: user unknown");
        }
        stamp(f, created, modified);
        return create(contact, f);
    }

    // ---------------------------------------------------------------- opportunities

    private void opportunities(String accountId, String owner, String[] contacts, String story, Instant created,
            double scale) {
        int closed = 1 + rng.nextInt(3);
        for (int o = 0; o < closed; o++) {
            long daysAgo = story.equals("REVENUE_DECLINE") ? 400 + rng.nextInt(300) : 20 + rng.nextInt(660);
            Instant closedAt = now.minusSeconds(daysAgo * DAY);
            if (closedAt.isBefore(created)) {
                closedAt = created.plusSeconds(30 * DAY);
            }
            boolean lost = story.equals("LOST_TO_COMPETITOR") && o == 0;
            if (lost) {
                closedAt = now.minusSeconds((15 + rng.nextInt(120)) * DAY);
            } else {
                lost = rng.nextInt(6) == 0;
            }
            double amount = Math.round(scale * (20_000 + rng.nextInt(180_000)) / 100.0) * 100.0;
            Instant opened = closedAt.minusSeconds((40 + rng.nextInt(120)) * DAY);
            Map<String, Object> f = opportunityFields(accountId, owner, amount, opened, closedAt);
            f.put("StageName", lost ? "Closed Lost" : "Closed Won");
            f.put("CloseDate", date(closedAt));
            if (lost && hasLossReason) {
                f.put("Loss_Reason__c", story.equals("LOST_TO_COMPETITOR") ? "Competitor"
                        : rng.nextBoolean() ? "Price" : "Timing");
            }
            if (lost && story.equals("LOST_TO_COMPETITOR")) {
                f.put("Description", LOST_DESCRIPTIONS[rng.nextInt(LOST_DESCRIPTIONS.length)]);
            }
            String id = create(opportunity, f);
            oppHistory(id, "Qualification", amount, null, date(closedAt), null, opened, owner);
            oppHistory(id, lost ? "Closed Lost" : "Closed Won", amount, amount, date(closedAt), date(closedAt),
                    closedAt, owner);
            role(id, contacts[0], "Decision Maker", true, opened);
        }
        // One open opportunity, the subject of PIPELINE_STALL and STALE_PLAN stories.
        Instant opened = now.minusSeconds((20 + rng.nextInt(150)) * DAY);
        double amount = Math.round(scale * (30_000 + rng.nextInt(250_000)) / 100.0) * 100.0;
        LocalDate close = date(now.plusSeconds((30 + rng.nextInt(120)) * DAY));
        boolean stall = story.equals("PIPELINE_STALL");
        boolean stale = story.equals("STALE_PLAN");
        Instant lastChange = stale ? opened : now.minusSeconds(rng.nextInt(20) * DAY);
        if (lastChange.isBefore(opened)) {
            lastChange = opened;
        }
        double finalAmount = stall ? Math.round(amount * 0.6 / 100.0) * 100.0 : amount;
        Map<String, Object> f = opportunityFields(accountId, owner, finalAmount, opened, lastChange);
        f.put("StageName", stall ? "Needs Analysis" : "Proposal/Price Quote");
        f.put("CloseDate", close);
        f.put("NextStep", stale ? (rng.nextBoolean() ? null : "Waiting for customer") : FOLLOW_UPS[rng.nextInt(
                FOLLOW_UPS.length)]);
        String id = create(opportunity, f);
        LocalDate firstClose = stall ? close.minusDays(70 + rng.nextInt(60)) : close;
        oppHistory(id, stall ? "Negotiation/Review" : "Qualification", amount, null, firstClose, null, opened, owner);
        if (stall) {
            Instant push = opened.plusSeconds(Math.max(1, (lastChange.getEpochSecond() - opened.getEpochSecond()) / 2));
            LocalDate middle = firstClose.plusDays(30);
            oppHistory(id, "Negotiation/Review", amount, amount, middle, firstClose, push, owner);
            oppHistory(id, "Needs Analysis", finalAmount, amount, close, middle, lastChange, owner);
        } else if (!stale) {
            oppHistory(id, "Proposal/Price Quote", amount, amount, close, close, lastChange, owner);
        }
        role(id, contacts[Math.min(1, contacts.length - 1)], "Economic Buyer", true, opened);
    }

    private Map<String, Object> opportunityFields(String accountId, String owner, double amount, Instant created,
            Instant modified) {
        Map<String, Object> f = new HashMap<>();
        f.put("AccountId", accountId);
        f.put("Name", OPP_KIND[rng.nextInt(OPP_KIND.length)] + " " + date(created).getYear());
        f.put("Amount", amount);
        f.put("Type", "Existing Business");
        f.put("OwnerId", owner);
        stamp(f, created, modified);
        return f;
    }

    private void oppHistory(String opportunityId, String stage, double amount, Double previous, LocalDate close,
            LocalDate previousClose, Instant when, String by) {
        Map<String, Object> h = new HashMap<>();
        h.put("OpportunityId", opportunityId);
        h.put("StageName", stage);
        h.put("Amount", amount);
        h.put("PrevAmount", previous);
        h.put("CloseDate", close);
        h.put("PrevCloseDate", previousClose);
        h.put("CreatedDate", when);
        h.put("SystemModstamp", when);
        h.put("CreatedById", by);
        create(opportunityHistory, h);
    }

    private void role(String opportunityId, String contactId, String role, boolean primary, Instant when) {
        Map<String, Object> f = new HashMap<>();
        f.put("OpportunityId", opportunityId);
        f.put("ContactId", contactId);
        f.put("Role", role);
        f.put("IsPrimary", primary);
        stamp(f, when, when);
        create(contactRole, f);
    }

    private void history(String accountId, String field, String oldValue, String newValue, String type, Instant when,
            String by) {
        Map<String, Object> h = new HashMap<>();
        h.put("AccountId", accountId);
        h.put("Field", field);
        h.put("DataType", type);
        h.put("OldValue", oldValue);
        h.put("NewValue", newValue);
        h.put("CreatedDate", when);
        h.put("CreatedById", by);
        create(accountHistory, h);
    }

    // ---------------------------------------------------------------- activities

    private void activities(String accountId, String owner, String previousOwner, String[] contacts, String story,
            Instant created) {
        int n = 44 + rng.nextInt(10);
        long from = Math.max(created.getEpochSecond(), start.getEpochSecond());
        long to = now.getEpochSecond() - DAY;
        // Stories about silence end the account's (or one contact's) activity some weeks ago.
        long quietFrom = story.equals("ACTIVITY_DECLINE") ? to - (40 + rng.nextInt(30)) * DAY : to;
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = from + rng.nextLong(Math.max(DAY, quietFrom - from));
        }
        Arrays.sort(times);
        for (int i = 0; i < n; i++) {
            Instant when = Instant.ofEpochSecond(times[i] - times[i] % 60);
            int who = rng.nextInt(contacts.length);
            if (story.equals("CONTACT_SILENT") && who == 0 && when.isAfter(now.minusSeconds(90 * DAY))) {
                who = 1 + rng.nextInt(contacts.length - 1);
            }
            if (story.equals("SINGLE_THREADED") && when.isAfter(now.minusSeconds(90 * DAY))) {
                who = contacts.length - 1;
            }
            String by = previousOwner != null && when.isBefore(now.minusSeconds(80 * DAY)) ? previousOwner : owner;
            boolean unreturned = story.equals("UNRETURNED_OUTREACH") && when.isAfter(now.minusSeconds(60 * DAY));
            int kind = rng.nextInt(100);
            if (unreturned) {
                outreach(accountId, contacts[who], by, when, kind < 60);
            } else if (kind < 45) {
                call(accountId, contacts[who], by, when, rng.nextInt(100) < 75 ? "Connected" : "Left Voicemail",
                        rng.nextInt(100) < 70 ? "Outbound" : "Inbound");
            } else if (kind < 80) {
                email(accountId, contacts[who], by, when, rng.nextInt(100) < 60);
            } else {
                meeting(accountId, contacts[who], by, when, "Held");
            }
        }
        if (!story.equals("STALE_PLAN")) {
            int open = 1 + rng.nextInt(2);
            for (int i = 0; i < open; i++) {
                followUp(accountId, contacts[rng.nextInt(contacts.length)], owner, now.plusSeconds((2 + rng.nextInt(
                        25)) * DAY));
            }
            if (rng.nextBoolean()) {
                Instant when = now.plusSeconds((5 + rng.nextInt(30)) * DAY);
                meeting(accountId, contacts[0], owner, when.minusSeconds(when.getEpochSecond() % 3600), "Scheduled");
            }
        }
    }

    private void outreach(String accountId, String who, String owner, Instant when, boolean call) {
        if (call) {
            call(accountId, who, owner, when, rng.nextBoolean() ? "No Answer" : "Left Voicemail", "Outbound");
        } else {
            email(accountId, who, owner, when, true);
        }
    }

    private void call(String accountId, String who, String owner, Instant when, String disposition, String type) {
        Map<String, Object> f = activity(accountId, who, owner, when);
        f.put("Subject", CALL_SUBJECTS[rng.nextInt(CALL_SUBJECTS.length)]);
        f.put("Type", "Call");
        f.put("TaskSubtype", "Call");
        f.put("CallType", type);
        f.put("CallDisposition", disposition);
        f.put("CallDurationInSeconds", disposition.equals("Connected") ? 120 + rng.nextInt(1800) : 20 + rng.nextInt(
                40));
        f.put("Status", "Completed");
        f.put("CompletedDateTime", when);
        create(task, f);
    }

    private void email(String accountId, String who, String owner, Instant when, boolean outbound) {
        Map<String, Object> f = activity(accountId, who, owner, when);
        f.put("Subject", (outbound ? EMAIL_OUT : EMAIL_IN)[rng.nextInt(EMAIL_OUT.length)]);
        f.put("Type", "Email");
        f.put("TaskSubtype", "Email");
        f.put("Status", "Completed");
        f.put("CompletedDateTime", when);
        create(task, f);
    }

    private void followUp(String accountId, String who, String owner, Instant due) {
        Map<String, Object> f = activity(accountId, who, owner, now.minusSeconds(rng.nextInt(10) * DAY + 3600));
        f.put("Subject", FOLLOW_UPS[rng.nextInt(FOLLOW_UPS.length)]);
        f.put("ActivityDate", date(due));
        f.put("Status", "Not Started");
        f.put("Priority", rng.nextInt(4) == 0 ? "High" : "Normal");
        create(task, f);
    }

    private void meeting(String accountId, String who, String owner, Instant when, String status) {
        Map<String, Object> f = new HashMap<>();
        f.put("WhoId", who);
        f.put("WhatId", accountId);
        f.put("OwnerId", owner);
        f.put("Subject", MEETINGS[rng.nextInt(MEETINGS.length)]);
        f.put("StartDateTime", when);
        f.put("DurationInMinutes", rng.nextBoolean() ? 30 : 60);
        f.put("Type", "Meeting");
        f.put("Location", rng.nextBoolean() ? "Video call" : "Customer site");
        if (hasMeetingStatus) {
            f.put("Meeting_Status__c", status);
        }
        Instant logged = when.isAfter(now) ? now.minusSeconds((1 + rng.nextInt(10)) * DAY) : when;
        stamp(f, logged, logged);
        f.put("CreatedById", owner);
        f.put("LastModifiedById", owner);
        create(event, f);
    }

    private Map<String, Object> activity(String accountId, String who, String owner, Instant when) {
        Map<String, Object> f = new HashMap<>();
        f.put("WhoId", who);
        f.put("WhatId", accountId);
        f.put("OwnerId", owner);
        f.put("ActivityDate", date(when));
        f.put("Priority", "Normal");
        stamp(f, when, when);
        f.put("CreatedById", owner);
        f.put("LastModifiedById", owner);
        return f;
    }

    // ---------------------------------------------------------------- cases

    private void cases(String accountId, String owner, String[] contacts, String story, Instant created) {
        boolean complaint = story.equals("COMPLAINTS");
        int n = complaint ? 2 : 1;
        for (int i = 0; i < n; i++) {
            Map<String, Object> f = new HashMap<>();
            f.put("AccountId", accountId);
            f.put("ContactId", contacts[rng.nextInt(contacts.length)]);
            f.put("Subject", CASE_SUBJECTS[rng.nextInt(CASE_SUBJECTS.length)]);
            f.put("Origin", rng.nextBoolean() ? "Email" : "Phone");
            f.put("OwnerId", owner);
            Instant opened;
            if (complaint) {
                opened = now.minusSeconds((35 + rng.nextInt(40)) * DAY);
                f.put("Status", i == 0 ? "Escalated" : "Working");
                f.put("Priority", "High");
                stamp(f, opened, now.minusSeconds(rng.nextInt(5) * DAY + 3600));
            } else {
                long span = Math.max(DAY, now.getEpochSecond() - 40 * DAY - Math.max(created.getEpochSecond(),
                        start.getEpochSecond()));
                opened = Instant.ofEpochSecond(now.getEpochSecond() - 40 * DAY - rng.nextLong(span));
                f.put("Status", "Closed");
                f.put("Priority", rng.nextBoolean() ? "Low" : "Medium");
                Instant closed = opened.plusSeconds((1 + rng.nextInt(10)) * DAY);
                stamp(f, opened, closed);
                f.put("ClosedDate", closed);
            }
            create(supportCase, f);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void stamp(Map<String, Object> f, Instant created, Instant modified) {
        f.put("CreatedDate", created);
        f.put("LastModifiedDate", modified);
        f.put("SystemModstamp", modified);
    }

    private static LocalDate date(Instant when) {
        return LocalDate.ofInstant(when, ZoneOffset.UTC);
    }

    private String create(SObjectDef type, Map<String, Object> fields) {
        SaveResult r = store.create(type, fields, ctx);
        if (!r.success()) {
            throw new IllegalStateException("generator wrote an invalid " + type.name() + ": "
                    + PlanLoader.describe(r.errors()));
        }
        count(type.name());
        return r.id();
    }

    private void count(String type) {
        created.merge(type, 1, Integer::sum);
    }

    private static String[] prefixed(String prefix) {
        String[] out = new String[TOPICS.length];
        for (int i = 0; i < TOPICS.length; i++) {
            out[i] = prefix + TOPICS[i];
        }
        return out;
    }

    private static String[] competitorDescriptions() {
        String[] out = new String[COMPETITORS.length];
        for (int i = 0; i < COMPETITORS.length; i++) {
            out[i] = "Lost to " + COMPETITORS[i] + ": lower price and a bundled analytics module.";
        }
        return out;
    }
}
