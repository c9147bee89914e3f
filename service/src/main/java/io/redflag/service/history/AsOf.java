package io.redflag.service.history;

import io.redflag.domain.model.Account;
import io.redflag.domain.model.Contact;
import io.redflag.domain.model.ContactChange;
import io.redflag.domain.model.CrmUser;
import io.redflag.domain.model.Interaction;
import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.OpportunityChange;
import io.redflag.domain.model.StageClass;
import io.redflag.domain.model.SupportCase;
import io.redflag.service.scoring.StoredAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An account as the store knew it before a cut: nothing dated at or after the cut, and every tracked field at
 * the value it had then. Fields go back through the sync's observed changes (record_change, contact_change)
 * and the CRM's own history (OpportunityHistory for a deal's stage, amount and close date; AccountHistory for
 * the owner and the parent). What cannot be dated is handled so that it cannot leak: an interaction dated
 * after the cut is kept (as planned) only if its row was last changed before the cut; a contact deleted after
 * the cut is not deleted yet.
 */
public final class AsOf {
    private final Function<String, String> stageMeaning;

    /** @param stageMeaning a stage name's meaning as the mapping gives it (WON, LOST, OPEN) */
    public AsOf(Function<String, String> stageMeaning) {
        this.stageMeaning = stageMeaning;
    }

    /**
     * The user as of the cut: active and manager go back through the observed changes. Where none was observed,
     * a user inactive now whose row changed at or after the cut was still active then (the deactivation is that
     * change, as far as the store can tell).
     */
    public static CrmUser user(CrmUser now, List<DatedHistory.Change> changes, Instant stamp, Instant cut) {
        if (now == null) {
            return null;
        }
        String active = valueAt(Boolean.toString(now.active() || stamp != null && !stamp.isBefore(cut)), changes,
                "active", cut);
        return new CrmUser(now.id(), now.name(), now.email(), Boolean.parseBoolean(active),
                valueAt(now.managerId(), changes, "manager", cut));
    }

    /** The account as of the cut, or null when it did not exist yet. */
    public StoredAccount account(StoredAccount now, DatedHistory.Batch history, Instant cut) {
        Account a = now.account();
        if (!before(a.createdAt(), cut)) {
            return null;
        }
        List<DatedHistory.Change> changes = history.of(a.id());
        String owner = valueAt(a.ownerId(), changes, "owner", cut, now.history(), "Owner");
        String parent = valueAt(a.parentId(), changes, "parent", cut, now.history(), "Parent");
        Account then = new Account(a.id(), a.name(), owner, parent, valueAt(a.tier(), changes, "tier", cut),
                valueAt(a.segment(), changes, "segment", cut), a.annualRevenue(), a.changeEvent(), a.createdAt(),
                earlier(a.modifiedAt(), a.createdAt(), cut));
        List<ContactChange> contactChanges = now.contactChanges().stream().filter(c -> c.at().isBefore(cut))
                .toList();
        List<Contact> contacts = new ArrayList<>();
        List<Contact> former = new ArrayList<>();
        Map<String, Contact> everyone = new LinkedHashMap<>();
        now.contacts().forEach(c -> everyone.put(c.id(), c));
        now.formerContacts().forEach(c -> everyone.putIfAbsent(c.id(), c));
        for (Contact c : everyone.values()) {
            if (!before(c.createdAt(), cut)) {
                continue;
            }
            List<ContactChange> own = now.contactChanges().stream().filter(ch -> ch.contactId().equals(c.id()))
                    .sorted(Comparator.comparing(ContactChange::at)).toList();
            String accountThen = firstLater(own, ContactChange.Field.ACCOUNT, cut, c.accountId());
            Contact then2 = contact(c, accountThen, firstLater(own, ContactChange.Field.TITLE, cut, c.title()),
                    history.of(c.id()), cut);
            if (a.id().equals(accountThen)) {
                contacts.add(then2);
            } else if (own.stream().anyMatch(ch -> ch.field() == ContactChange.Field.ACCOUNT
                    && ch.at().isBefore(cut) && a.id().equals(ch.oldValue()))) {
                former.add(then2);
            }
        }
        List<Opportunity> deals = now.opportunities().stream().filter(o -> before(o.createdAt(), cut))
                .map(o -> opportunity(o, history.of(o.id()), cut)).toList();
        List<Interaction> interactions = new ArrayList<>();
        for (Interaction i : now.interactions()) {
            if (i.at() != null && i.at().isBefore(cut)) {
                interactions.add(i);
            } else {
                Instant stamp = history.laterStamps().get(i.id());
                if (stamp != null && stamp.isBefore(cut)) {
                    // Planned then and untouched since: it was there, not yet done.
                    interactions.add(new Interaction(i.id(), i.accountId(), i.contactId(), i.ownerId(), i.kind(),
                            i.direction(), i.outcome(), i.at(), i.kind() == Interaction.Kind.MEETING && i.completed()));
                }
            }
        }
        List<SupportCase> cases = now.cases().stream().filter(c -> before(c.openedAt(), cut))
                .map(c -> c.closedAt() == null || c.closedAt().isBefore(cut) ? c : new SupportCase(c.id(),
                        c.accountId(), c.contactId(), c.subject(), c.highPriority(), c.escalated(), false,
                        c.openedAt(), null)).toList();
        return new StoredAccount(then, contacts, deals, interactions, cases, now.history().stream()
                .filter(h -> h.at().isBefore(cut)).toList(), former, contactChanges);
    }

    private static Contact contact(Contact c, String account, String title, List<DatedHistory.Change> changes,
            Instant cut) {
        // As for users: a departure flag on a row that changed only at or after the cut was not set yet.
        boolean changedLater = c.modifiedAt() != null && !c.modifiedAt().isBefore(cut);
        boolean left = Boolean.parseBoolean(valueAt(Boolean.toString(c.leftCompany() && !changedLater), changes,
                "left_company", cut));
        Instant bounced = c.emailBouncedAt() != null && c.emailBouncedAt().isBefore(cut) ? c.emailBouncedAt() : null;
        boolean deletedThen = c.deleted() && c.modifiedAt() != null && c.modifiedAt().isBefore(cut);
        return new Contact(c.id(), account, c.name(), title, c.email(), c.roles(), c.primary(), left, bounced,
                c.createdAt(), earlier(c.modifiedAt(), c.createdAt(), cut), deletedThen);
    }

    private Opportunity opportunity(Opportunity o, List<DatedHistory.Change> changes, Instant cut) {
        List<OpportunityChange> then = o.history().stream().filter(h -> h.at().isBefore(cut)).toList();
        boolean changedLater = then.size() < o.history().size();
        OpportunityChange last = then.isEmpty() ? null : then.get(then.size() - 1);
        String stage = changedLater ? last == null ? null : last.stage() : o.stage();
        int order = changedLater ? last == null ? 0 : last.stageOrder() : o.stageOrder();
        String observedClass = valueAt(null, changes, "stage", cut);
        StageClass stageClass = observedClass != null ? StageClass.valueOf(observedClass)
                : changedLater && last != null ? meaning(last.stage()) : o.stageClass();
        BigDecimal amount = changedLater && last != null ? last.amount() : o.amount();
        LocalDate close = changedLater && last != null ? last.closeDate() : o.closeDate();
        amount = decimalAt(amount, changes, "amount", cut);
        String closeText = valueAt(close == null ? null : close.toString(), changes, "close_date", cut);
        BigDecimal probability = changedLater && !Objects.equals(stage, o.stage()) ? null : o.probability();
        probability = decimalAt(probability, changes, "probability", cut);
        Instant modified = o.modifiedAt() != null && o.modifiedAt().isBefore(cut) ? o.modifiedAt()
                : last != null ? last.at() : o.createdAt();
        return new Opportunity(o.id(), o.accountId(), o.name(), stage, order, stageClass, amount,
                closeText == null ? null : LocalDate.parse(closeText), o.nextStep(),
                stageClass == StageClass.LOST ? o.lossReason() : null, o.createdAt(), modified, then, probability);
    }

    private StageClass meaning(String stage) {
        String meaning = stage == null ? null : stageMeaning.apply(stage);
        return meaning == null ? StageClass.OPEN : StageClass.valueOf(meaning);
    }

    /** The value before the first change of the field at or after the cut; the current value when none. */
    static String valueAt(String current, List<DatedHistory.Change> changes, String field, Instant cut) {
        for (DatedHistory.Change c : changes) {
            if (c.field().equals(field) && !c.at().isBefore(cut)) {
                return c.oldValue();
            }
        }
        return current;
    }

    /** As above, falling back on the CRM's field history (AccountHistory) where the sync observed nothing. */
    private static String valueAt(String current, List<DatedHistory.Change> changes, String field, Instant cut,
            List<StoredAccount.FieldChange> crmHistory, String crmField) {
        if (changes.stream().anyMatch(c -> c.field().equals(field) && !c.at().isBefore(cut))) {
            return valueAt(current, changes, field, cut);
        }
        return crmHistory.stream().filter(h -> crmField.equals(h.field()) && !h.at().isBefore(cut)
                && (h.oldValue() == null || h.oldValue().length() == 18 || h.oldValue().length() == 15))
                .min(Comparator.comparing(StoredAccount.FieldChange::at)).map(StoredAccount.FieldChange::oldValue)
                .orElse(current);
    }

    private static String firstLater(List<ContactChange> changes, ContactChange.Field field, Instant cut,
            String current) {
        return changes.stream().filter(c -> c.field() == field && !c.at().isBefore(cut)).findFirst()
                .map(ContactChange::oldValue).orElse(current);
    }

    private static boolean before(Instant at, Instant cut) {
        return at == null || at.isBefore(cut);
    }

    /** A last-change stamp as of the cut: the stamp when it was before, else the creation (the latest known). */
    private static Instant earlier(Instant modified, Instant created, Instant cut) {
        return modified == null || modified.isBefore(cut) ? modified : created;
    }

    private static String text(BigDecimal d) {
        return d == null ? null : d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** A decimal as of the cut: the value itself when no later change was observed, else the old one (scale 2, as stored). */
    private static BigDecimal decimalAt(BigDecimal current, List<DatedHistory.Change> changes, String field,
            Instant cut) {
        String then = valueAt(text(current), changes, field, cut);
        if (Objects.equals(then, text(current))) {
            return current;
        }
        if (then == null) {
            return null;
        }
        BigDecimal d = new BigDecimal(then);
        return d.setScale(Math.max(2, d.scale()));
    }
}
