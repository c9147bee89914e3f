package io.redflag.service.scoring;

import io.redflag.domain.model.Account;
import io.redflag.domain.model.Contact;
import io.redflag.domain.model.ContactChange;
import io.redflag.domain.model.Interaction;
import io.redflag.domain.model.Opportunity;
import io.redflag.domain.model.SupportCase;
import java.time.Instant;
import java.util.List;

/**
 * Everything the store holds about one account, in the domain's words: what a snapshot for scoring is
 * built from.
 *
 * @param history the account's field history (owner, parent …) as the CRM tracked it
 * @param formerContacts contacts that moved from this account to another one
 * @param contactChanges the observed moves and re-titles of its contacts and former contacts
 */
public record StoredAccount(Account account, List<Contact> contacts, List<Opportunity> opportunities,
        List<Interaction> interactions, List<SupportCase> cases, List<FieldChange> history,
        List<Contact> formerContacts, List<ContactChange> contactChanges) {

    /** One AccountHistory row. */
    public record FieldChange(String id, String field, String oldValue, String newValue, Instant at) {
    }
}
