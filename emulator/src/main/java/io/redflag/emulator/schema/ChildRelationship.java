package io.redflag.emulator.schema;

/** A parent's view of a lookup: Account.Contacts is Contact.AccountId seen from the account. */
public record ChildRelationship(String name, SObjectDef child, FieldDef field) {
}
