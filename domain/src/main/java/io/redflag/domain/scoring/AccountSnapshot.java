package io.redflag.domain.scoring;

import io.redflag.domain.model.Account;
import io.redflag.domain.model.Contact;
import io.redflag.domain.model.ContactChange;
import io.redflag.domain.model.CrmUser;
import io.redflag.domain.model.Interaction;
import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.SupportCase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the scorecard reads about one account. Records dated after the as-of time are ignored by the
 * scorecard, so a snapshot taken today can be assessed as of any past date.
 *
 * @param owner        the account owner, or null when unknown
 * @param contacts     every contact, deleted ones included (a deleted key contact is a departure)
 * @param interactions calls, emails and meetings, done or planned; Redflag's own follow-up tasks excluded
 * @param history      the account's tracked field changes (Owner, Parent …)
 * @param keyAccount   decided by {@link KeyAccounts}
 * @param strategic    in the strategic segment: scored with the stricter scorecard
 * @param ownerLogging how much the owner logs across all their accounts (evidence quality)
 * @param formerContacts contacts that moved from this account to another one, as they are now
 * @param contactChanges observed moves and re-titles of this account's contacts and former contacts
 * @param replyLogging per user id, how the users who sent this account's emails log replies across all their
 *                     accounts (absent: unknown, so their unreplied emails are no evidence)
 */
public record AccountSnapshot(Account account, CrmUser owner, List<Contact> contacts, List<Interaction> interactions,
        List<Opportunity> opportunities, List<SupportCase> cases, List<AccountChange> history, boolean keyAccount,
        boolean strategic, OwnerLogging ownerLogging, List<Contact> formerContacts,
        List<ContactChange> contactChanges, Map<String, ReplyLogging> replyLogging) {

    /** A snapshot without observed contact changes (no contact has moved or been re-titled). */
    public AccountSnapshot(Account account, CrmUser owner, List<Contact> contacts, List<Interaction> interactions,
            List<Opportunity> opportunities, List<SupportCase> cases, List<AccountChange> history,
            boolean keyAccount, boolean strategic, OwnerLogging ownerLogging) {
        this(account, owner, contacts, interactions, opportunities, cases, history, keyAccount, strategic,
                ownerLogging, List.of(), List.of(), Map.of());
    }

    /** One tracked change of an account field, as Salesforce's AccountHistory records it. */
    public record AccountChange(String id, String field, String oldValue, String newValue, Instant at) {
        public static final String OWNER = "Owner";
        public static final String PARENT = "Parent";
    }

    /** Interactions the owner logged in the last 90 days across all the accounts they own. */
    public record OwnerLogging(int interactionsLast90Days, int accountsOwned) {
    }

    /**
     * One user's emails over the activity baseline window, across all their accounts: how many they sent and
     * how many inbound replies they logged. Many orgs' email tools log only what the rep sends; where no replies
     * show, an email without one says nothing about the customer.
     */
    public record ReplyLogging(int emailsSent, int repliesLogged) {
    }

    public AccountSnapshot {
        Objects.requireNonNull(account, "account");
        contacts = List.copyOf(contacts);
        interactions = List.copyOf(interactions);
        opportunities = List.copyOf(opportunities);
        cases = List.copyOf(cases);
        history = List.copyOf(history);
        ownerLogging = ownerLogging == null ? new OwnerLogging(0, 0) : ownerLogging;
        formerContacts = List.copyOf(formerContacts);
        contactChanges = List.copyOf(contactChanges);
        replyLogging = replyLogging == null ? Map.of() : Map.copyOf(replyLogging);
    }
}
