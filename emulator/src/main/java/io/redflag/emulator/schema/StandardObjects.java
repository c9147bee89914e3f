package io.redflag.emulator.schema;

import static io.redflag.emulator.schema.FieldType.ANYTYPE;
import static io.redflag.emulator.schema.FieldType.BOOLEAN;
import static io.redflag.emulator.schema.FieldType.COMBOBOX;
import static io.redflag.emulator.schema.FieldType.CURRENCY;
import static io.redflag.emulator.schema.FieldType.DATE;
import static io.redflag.emulator.schema.FieldType.DATETIME;
import static io.redflag.emulator.schema.FieldType.EMAIL;
import static io.redflag.emulator.schema.FieldType.ID;
import static io.redflag.emulator.schema.FieldType.INT;
import static io.redflag.emulator.schema.FieldType.PERCENT;
import static io.redflag.emulator.schema.FieldType.PHONE;
import static io.redflag.emulator.schema.FieldType.STRING;
import static io.redflag.emulator.schema.FieldType.TEXTAREA;
import static io.redflag.emulator.schema.FieldType.URL;
import static io.redflag.emulator.schema.Fields.lookup;
import static io.redflag.emulator.schema.Fields.of;
import static io.redflag.emulator.schema.Fields.picklist;

import java.util.List;

/**
 * The standard objects and fields that Redflag reads and writes, with Salesforce's key prefixes, names and
 * field properties (from the SOAP API's object reference). Custom fields come from SFDX metadata on top.
 */
final class StandardObjects {
    /** Activity owners, case owners and account owners are users; contacts and leads are "who" records. */
    private static final String[] WHAT = {"Account", "Opportunity", "Case"};

    private StandardObjects() {
    }

    static void addTo(Schema schema) {
        schema.add(profile());
        schema.add(user());
        schema.add(account());
        schema.add(contact());
        schema.add(opportunity());
        schema.add(opportunityContactRole());
        schema.add(opportunityHistory());
        schema.add(accountHistory());
        schema.add(task());
        schema.add(event());
        schema.add(supportCase());
        childRelationships(schema);
    }

    /** Standard child relationship names (used by nested records in data plans and by describe). */
    private static void childRelationships(Schema s) {
        s.addChildRelationship("Profile", "Users", "User", "ProfileId");
        s.addChildRelationship("User", "ManagedUsers", "User", "ManagerId");
        s.addChildRelationship("Account", "ChildAccounts", "Account", "ParentId");
        s.addChildRelationship("Account", "Contacts", "Contact", "AccountId");
        s.addChildRelationship("Account", "Opportunities", "Opportunity", "AccountId");
        s.addChildRelationship("Account", "Cases", "Case", "AccountId");
        s.addChildRelationship("Account", "Tasks", "Task", "WhatId");
        s.addChildRelationship("Account", "Events", "Event", "WhatId");
        s.addChildRelationship("Account", "Histories", "AccountHistory", "AccountId");
        s.addChildRelationship("Contact", "OpportunityContactRoles", "OpportunityContactRole", "ContactId");
        s.addChildRelationship("Contact", "Cases", "Case", "ContactId");
        s.addChildRelationship("Contact", "Tasks", "Task", "WhoId");
        s.addChildRelationship("Contact", "Events", "Event", "WhoId");
        s.addChildRelationship("Opportunity", "OpportunityContactRoles", "OpportunityContactRole", "OpportunityId");
        s.addChildRelationship("Opportunity", "OpportunityHistories", "OpportunityHistory", "OpportunityId");
        s.addChildRelationship("Opportunity", "Tasks", "Task", "WhatId");
        s.addChildRelationship("Opportunity", "Events", "Event", "WhatId");
        s.addChildRelationship("Case", "Cases", "Case", "ParentId");
        s.addChildRelationship("Case", "Tasks", "Task", "WhatId");
        s.addChildRelationship("Case", "Events", "Event", "WhatId");
    }

    private static SObjectDef object(String name, String prefix, String label, String plural) {
        SObjectDef def = new SObjectDef(name, prefix, label, plural, false, true, true);
        def.putField(of("Id", ID).label(label + " ID").system().build());
        return def;
    }

    /** The audit fields every writable object carries, in the order describe lists them. */
    private static void audit(SObjectDef def) {
        def.putField(of("IsDeleted", BOOLEAN).label("Deleted").system().build());
        def.putField(of("CreatedDate", DATETIME).label("Created Date").system().build());
        def.putField(lookup("CreatedById", "CreatedBy", "User").label("Created By ID").system().build());
        def.putField(of("LastModifiedDate", DATETIME).label("Last Modified Date").system().build());
        def.putField(lookup("LastModifiedById", "LastModifiedBy", "User").label("Last Modified By ID").system().build());
        def.putField(of("SystemModstamp", DATETIME).label("System Modstamp").system().build());
    }

    private static FieldDef owner() {
        return lookup("OwnerId", "Owner", "User").label("Owner ID").defaulted().build();
    }

    /** The standard profiles every new org has (names as Setup shows them), in the order they are created. */
    static final List<String> STANDARD_PROFILES = List.of("System Administrator", "Standard User", "Read Only",
            "Marketing User", "Contract Manager", "Solution Manager", "Minimum Access - Salesforce");

    /** Values a new org offers (a few of each: the real lists are long); restricted, as in Salesforce. */
    static final String[] TIME_ZONES = {"GMT", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris",
        "Europe/Berlin", "Europe/Amsterdam", "Europe/Madrid", "Europe/Rome", "Europe/Zurich", "Europe/Stockholm",
        "Europe/Helsinki", "Europe/Athens", "Europe/Istanbul", "Africa/Johannesburg", "Asia/Dubai", "Asia/Kolkata",
        "Asia/Singapore", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Tokyo", "Asia/Seoul", "Australia/Sydney",
        "Pacific/Auckland", "America/Sao_Paulo", "America/Halifax", "America/New_York", "America/Chicago",
        "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
        "America/Toronto", "America/Mexico_City"};
    static final String[] LOCALES = {"en_US", "en_GB", "en_CA", "en_AU", "en_IE", "en_IN", "de_DE", "de_AT",
        "de_CH", "fr_FR", "fr_CA", "es_ES", "es_MX", "it_IT", "nl_NL", "pt_BR", "sv_SE", "da_DK", "fi_FI", "no_NO",
        "pl_PL", "ja_JP", "zh_CN", "ko_KR"};
    static final String[] LANGUAGES = {"en_US", "en_GB", "de", "fr", "es", "es_MX", "it", "nl_NL", "pt_BR", "sv",
        "da", "fi", "no", "pl", "ja", "zh_CN", "ko"};
    static final String[] EMAIL_ENCODINGS = {"UTF-8", "ISO-8859-1", "Shift_JIS", "ISO-2022-JP", "EUC-JP", "ks_c_5601-1987",
        "Big5", "GB2312", "Big5-HKSCS", "x-SJIS_0213"};

    private static SObjectDef profile() {
        // Profiles are set up in Setup, not written by integrations: the emulator's are read-only.
        SObjectDef p = new SObjectDef("Profile", "00e", "Profile", "Profiles", false, true, false);
        p.putField(of("Id", ID).label("Profile ID").system().build());
        p.putField(of("Name", STRING).length(255).required().build());
        p.putField(of("Description", STRING).length(255).build());
        p.putField(picklist("UserType", "Standard", "PowerPartner", "PowerCustomerSuccess", "CustomerSuccess",
                "Guest", "CspLitePortal", "CsnOnly", "SelfService").label("User Type").readOnly().build());
        audit(p);
        return p;
    }

    private static SObjectDef user() {
        SObjectDef u = object("User", "005", "User", "Users");
        u.putField(of("Username", STRING).length(80).required().build());
        u.putField(of("LastName", STRING).length(80).required().build());
        u.putField(of("FirstName", STRING).length(40).build());
        u.putField(of("Name", STRING).label("Full Name").length(121).readOnly().build());
        u.putField(of("Title", STRING).length(80).build());
        u.putField(of("Department", STRING).length(80).build());
        u.putField(of("CompanyName", STRING).label("Company Name").length(80).build());
        u.putField(of("Email", EMAIL).length(128).required().build());
        u.putField(of("Phone", PHONE).length(40).build());
        u.putField(of("MobilePhone", PHONE).label("Mobile").length(40).build());
        u.putField(of("Alias", STRING).length(8).required().build());
        u.putField(of("IsActive", BOOLEAN).label("Active").defaulted().build());
        u.putField(lookup("ManagerId", "Manager", "User").label("Manager ID").build());
        u.putField(lookup("ProfileId", "Profile", "Profile").label("Profile ID").required().build());
        // Required on create (Object Reference for the Salesforce Platform, User), all restricted picklists.
        u.putField(picklist("TimeZoneSidKey", TIME_ZONES).label("Time Zone").length(40).required().restricted()
                .build());
        u.putField(picklist("LocaleSidKey", LOCALES).label("Locale").length(40).required().restricted().build());
        u.putField(picklist("EmailEncodingKey", EMAIL_ENCODINGS).label("Email Encoding").length(40).required()
                .restricted().build());
        u.putField(picklist("LanguageLocaleKey", LANGUAGES).label("Language").length(40).required().restricted()
                .build());
        u.putField(of("UserType", STRING).label("User Type").readOnly().build());
        audit(u);
        return u;
    }

    private static SObjectDef account() {
        SObjectDef a = object("Account", "001", "Account", "Accounts");
        a.putField(of("Name", STRING).label("Account Name").required().tracked().build());
        a.putField(picklist("Type", "Prospect", "Customer - Direct", "Customer - Channel", "Channel Partner / Reseller",
                "Installation Partner", "Technology Partner", "Other", "Customer", "Integrator", "Partner")
                .label("Account Type").tracked().build());
        a.putField(lookup("ParentId", "Parent", "Account").label("Parent Account ID").tracked().build());
        a.putField(of("AccountNumber", STRING).length(40).build());
        a.putField(of("Sic", STRING).label("SIC Code").length(20).build());
        a.putField(of("TickerSymbol", STRING).label("Ticker Symbol").length(20).build());
        a.putField(picklist("Ownership", "Public", "Private", "Subsidiary", "Other").build());
        a.putField(of("Site", STRING).label("Account Site").length(80).build());
        a.putField(picklist("Industry", "Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals",
                "Communications", "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
                "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare",
                "Hospitality", "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit", "Recreation",
                "Retail", "Shipping", "Technology", "Telecommunications", "Transportation", "Utilities", "Other")
                .tracked().build());
        a.putField(of("AnnualRevenue", CURRENCY).build());
        a.putField(of("NumberOfEmployees", INT).label("Employees").build());
        a.putField(picklist("Rating", "Hot", "Warm", "Cold").label("Account Rating").build());
        a.putField(picklist("AccountSource", "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other")
                .build());
        a.putField(of("Phone", PHONE).length(40).build());
        a.putField(of("Fax", PHONE).length(40).build());
        a.putField(of("Website", URL).build());
        a.putField(of("Description", TEXTAREA).label("Account Description").build());
        for (String prefix : new String[] {"Billing", "Shipping"}) {
            a.putField(of(prefix + "Street", TEXTAREA).length(255).build());
            a.putField(of(prefix + "City", STRING).length(40).build());
            a.putField(of(prefix + "State", STRING).length(80).build());
            a.putField(of(prefix + "PostalCode", STRING).length(20).build());
            a.putField(of(prefix + "Country", STRING).length(80).build());
        }
        a.putField(lookup("OwnerId", "Owner", "User").label("Owner ID").defaulted().tracked().build());
        a.putField(of("LastActivityDate", DATE).readOnly().build());
        audit(a);
        return a;
    }

    private static SObjectDef contact() {
        SObjectDef c = object("Contact", "003", "Contact", "Contacts");
        c.putField(lookup("AccountId", "Account", "Account").label("Account ID").build());
        c.putField(picklist("Salutation", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.").build());
        c.putField(of("FirstName", STRING).length(40).build());
        c.putField(of("LastName", STRING).length(80).required().build());
        c.putField(of("Name", STRING).label("Full Name").length(121).readOnly().build());
        c.putField(of("Title", STRING).length(128).build());
        c.putField(of("Department", STRING).length(80).build());
        c.putField(of("Email", EMAIL).build());
        c.putField(of("Phone", PHONE).length(40).build());
        c.putField(of("MobilePhone", PHONE).length(40).build());
        c.putField(of("HomePhone", PHONE).length(40).build());
        c.putField(of("OtherPhone", PHONE).length(40).build());
        c.putField(of("Fax", PHONE).length(40).build());
        c.putField(of("AssistantName", STRING).label("Assistant's Name").length(40).build());
        c.putField(of("AssistantPhone", PHONE).label("Asst. Phone").length(40).build());
        c.putField(of("Birthdate", DATE).build());
        c.putField(lookup("ReportsToId", "ReportsTo", "Contact").label("Reports To ID").build());
        c.putField(picklist("LeadSource", "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other")
                .build());
        c.putField(of("Description", TEXTAREA).length(32000).build());
        c.putField(of("MailingStreet", TEXTAREA).length(255).build());
        c.putField(of("MailingCity", STRING).length(40).build());
        c.putField(of("MailingState", STRING).length(80).build());
        c.putField(of("MailingPostalCode", STRING).length(20).build());
        c.putField(of("MailingCountry", STRING).length(80).build());
        c.putField(of("OtherStreet", TEXTAREA).length(255).build());
        c.putField(of("OtherCity", STRING).length(40).build());
        c.putField(of("OtherState", STRING).length(80).build());
        c.putField(of("OtherPostalCode", STRING).length(20).build());
        c.putField(of("OtherCountry", STRING).length(80).build());
        c.putField(of("EmailBouncedReason", STRING).build());
        c.putField(of("EmailBouncedDate", DATETIME).build());
        c.putField(owner());
        c.putField(of("LastActivityDate", DATE).readOnly().build());
        audit(c);
        return c;
    }

    /** Stage values of a new org, with their closed/won flags and default probabilities. */
    static final List<PicklistValue> STAGES = List.of(
            new PicklistValue("Prospecting", true, false, false, 10),
            new PicklistValue("Qualification", false, false, false, 10),
            new PicklistValue("Needs Analysis", false, false, false, 20),
            new PicklistValue("Value Proposition", false, false, false, 50),
            new PicklistValue("Id. Decision Makers", false, false, false, 60),
            new PicklistValue("Perception Analysis", false, false, false, 70),
            new PicklistValue("Proposal/Price Quote", false, false, false, 75),
            new PicklistValue("Negotiation/Review", false, false, false, 90),
            new PicklistValue("Closed Won", false, true, true, 100),
            new PicklistValue("Closed Lost", false, true, false, 0));

    private static SObjectDef opportunity() {
        SObjectDef o = object("Opportunity", "006", "Opportunity", "Opportunities");
        o.putField(lookup("AccountId", "Account", "Account").label("Account ID").build());
        o.putField(of("Name", STRING).label("Name").length(120).required().build());
        o.putField(of("Description", TEXTAREA).build());
        o.putField(of("StageName", FieldType.PICKLIST).label("Stage").values(STAGES).required().build());
        o.putField(of("Amount", CURRENCY).build());
        o.putField(of("Probability", PERCENT).label("Probability (%)").build());
        o.putField(of("ExpectedRevenue", CURRENCY).label("Expected Amount").readOnly().build());
        o.putField(of("CloseDate", DATE).required().build());
        o.putField(picklist("Type", "Existing Business", "New Business", "Existing Customer - Upgrade",
                "Existing Customer - Replacement", "Existing Customer - Downgrade", "New Customer")
                .label("Opportunity Type").build());
        o.putField(of("NextStep", STRING).length(255).build());
        o.putField(of("TotalOpportunityQuantity", FieldType.DOUBLE).label("Quantity").build());
        o.putField(picklist("LeadSource", "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other")
                .build());
        o.putField(of("IsClosed", BOOLEAN).label("Closed").readOnly().defaulted().build());
        o.putField(of("IsWon", BOOLEAN).label("Won").readOnly().defaulted().build());
        o.putField(picklist("ForecastCategoryName", "Omitted", "Pipeline", "Best Case", "Commit", "Closed")
                .label("Forecast Category").defaulted().build());
        o.putField(owner());
        o.putField(of("LastActivityDate", DATE).readOnly().build());
        audit(o);
        return o;
    }

    private static SObjectDef opportunityContactRole() {
        SObjectDef r = object("OpportunityContactRole", "00K", "Opportunity Contact Role", "Opportunity Contact Role");
        r.putField(lookup("OpportunityId", "Opportunity", "Opportunity").label("Opportunity ID").required()
                .createOnly().build());
        r.putField(lookup("ContactId", "Contact", "Contact").label("Contact ID").required().build());
        r.putField(picklist("Role", "Business User", "Decision Maker", "Economic Buyer", "Economic Decision Maker",
                "Executive Sponsor", "Influencer", "Technical Buyer", "Evaluator", "Other").build());
        r.putField(of("IsPrimary", BOOLEAN).label("Primary").defaulted().build());
        audit(r);
        return r;
    }

    private static SObjectDef opportunityHistory() {
        SObjectDef h = new SObjectDef("OpportunityHistory", "008", "Opportunity History", "Opportunity History",
                false, true, false);
        h.putField(of("Id", ID).label("History ID").system().build());
        h.putField(lookup("OpportunityId", "Opportunity", "Opportunity").label("Opportunity ID").readOnly().build());
        h.putField(lookup("CreatedById", "CreatedBy", "User").label("Created By ID").system().build());
        h.putField(of("CreatedDate", DATETIME).label("Created Date").system().build());
        h.putField(of("StageName", STRING).label("Stage Name").readOnly().build());
        h.putField(of("Amount", CURRENCY).readOnly().build());
        h.putField(of("ExpectedRevenue", CURRENCY).label("Expected Revenue").readOnly().build());
        h.putField(of("CloseDate", DATE).label("Close Date").readOnly().build());
        h.putField(of("Probability", PERCENT).readOnly().build());
        h.putField(of("ForecastCategory", STRING).label("Forecast Category").readOnly().build());
        h.putField(of("PrevAmount", CURRENCY).label("Previous Amount").readOnly().build());
        h.putField(of("PrevCloseDate", DATE).label("Previous Close Date").readOnly().build());
        h.putField(of("SystemModstamp", DATETIME).label("System Modstamp").system().build());
        h.putField(of("IsDeleted", BOOLEAN).label("Deleted").system().build());
        return h;
    }

    private static SObjectDef accountHistory() {
        // AccountHistory shares the 017 field-history prefix; it has no SystemModstamp: sync it on CreatedDate.
        SObjectDef h = new SObjectDef("AccountHistory", "017", "Account History", "Account History", false, true,
                false);
        h.putField(of("Id", ID).label("Account History ID").system().build());
        h.putField(of("IsDeleted", BOOLEAN).label("Deleted").system().build());
        h.putField(lookup("AccountId", "Account", "Account").label("Account ID").readOnly().build());
        h.putField(lookup("CreatedById", "CreatedBy", "User").label("Created By ID").system().build());
        h.putField(of("CreatedDate", DATETIME).label("Created Date").system().build());
        h.putField(of("Field", FieldType.PICKLIST).label("Changed Field").readOnly().build());
        h.putField(of("DataType", STRING).label("Data Type").readOnly().build());
        h.putField(of("OldValue", ANYTYPE).label("Old Value").readOnly().build());
        h.putField(of("NewValue", ANYTYPE).label("New Value").readOnly().build());
        return h;
    }

    private static void activity(SObjectDef def) {
        def.putField(lookup("WhoId", "Who", "Contact").label("Name ID").build());
        def.putField(lookup("WhatId", "What", WHAT).label("Related To ID").build());
        def.putField(lookup("AccountId", "Account", "Account").label("Account ID").readOnly().build());
        def.putField(of("Subject", COMBOBOX).build());
        def.putField(of("ActivityDate", DATE).label("Due Date Only").build());
        def.putField(of("Description", TEXTAREA).build());
        def.putField(owner());
    }

    private static SObjectDef task() {
        SObjectDef t = object("Task", "00T", "Task", "Tasks");
        activity(t);
        t.putField(picklist("Status", "Not Started", "In Progress", "Completed", "Waiting on someone else",
                "Deferred").defaulted().build());
        t.putField(picklist("Priority", "High", "Normal", "Low").defaulted().build());
        t.putField(of("IsHighPriority", BOOLEAN).label("High Priority").readOnly().defaulted().build());
        t.putField(of("IsClosed", BOOLEAN).label("Closed").readOnly().defaulted().build());
        t.putField(picklist("Type", "Call", "Email", "Meeting", "Other").build());
        t.putField(picklist("TaskSubtype", "Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn")
                .createOnly().build());
        t.putField(picklist("CallType", "Internal", "Inbound", "Outbound").build());
        t.putField(of("CallDisposition", STRING).label("Call Result").build());
        t.putField(of("CallDurationInSeconds", INT).label("Call Duration").build());
        t.putField(of("CompletedDateTime", DATETIME).label("Completed Date/Time").readOnly().build());
        t.putField(of("IsReminderSet", BOOLEAN).label("Reminder Set").defaulted().build());
        t.putField(of("ReminderDateTime", DATETIME).label("Reminder Date/Time").build());
        audit(t);
        return t;
    }

    private static SObjectDef event() {
        SObjectDef e = object("Event", "00U", "Event", "Events");
        activity(e);
        e.putField(of("ActivityDateTime", DATETIME).label("Due Date Time").build());
        e.putField(of("StartDateTime", DATETIME).label("Start Date Time").build());
        e.putField(of("EndDateTime", DATETIME).label("End Date Time").build());
        e.putField(of("DurationInMinutes", INT).label("Duration").build());
        e.putField(of("IsAllDayEvent", BOOLEAN).label("All-Day Event").defaulted().build());
        e.putField(of("Location", STRING).build());
        e.putField(picklist("Type", "Call", "Email", "Meeting", "Other").build());
        e.putField(picklist("EventSubtype", "Event").createOnly().build());
        e.putField(picklist("ShowAs", "Busy", "OutOfOffice", "Free").label("Show Time As").build());
        e.putField(of("IsPrivate", BOOLEAN).label("Private").defaulted().build());
        e.putField(of("IsReminderSet", BOOLEAN).label("Reminder Set").defaulted().build());
        e.putField(of("ReminderDateTime", DATETIME).label("Reminder Date/Time").build());
        audit(e);
        return e;
    }

    private static SObjectDef supportCase() {
        SObjectDef c = object("Case", "500", "Case", "Cases");
        c.putField(of("CaseNumber", STRING).length(30).readOnly().defaulted().build());
        c.putField(lookup("AccountId", "Account", "Account").label("Account ID").build());
        c.putField(lookup("ContactId", "Contact", "Contact").label("Contact ID").build());
        c.putField(lookup("ParentId", "Parent", "Case").label("Parent Case ID").build());
        c.putField(of("SuppliedName", STRING).label("Web Name").length(80).build());
        c.putField(of("SuppliedEmail", EMAIL).label("Web Email").build());
        c.putField(of("SuppliedPhone", STRING).label("Web Phone").length(40).build());
        c.putField(of("SuppliedCompany", STRING).label("Web Company").length(80).build());
        c.putField(of("Subject", STRING).build());
        c.putField(of("Description", TEXTAREA).build());
        c.putField(picklist("Status", "New", "Working", "Escalated", "Closed").defaulted().build());
        c.putField(picklist("Priority", "High", "Medium", "Low").defaulted().build());
        c.putField(picklist("Origin", "Phone", "Email", "Web").label("Case Origin").build());
        c.putField(picklist("Type", "Mechanical", "Electrical", "Electronic", "Structural", "Other")
                .label("Case Type").build());
        c.putField(picklist("Reason", "Installation", "Equipment Complexity", "Performance", "Breakdown",
                "Equipment Design", "Feedback", "Other").label("Case Reason").build());
        c.putField(of("IsClosed", BOOLEAN).label("Closed").readOnly().defaulted().build());
        c.putField(of("ClosedDate", DATETIME).label("Closed Date").readOnly().build());
        c.putField(of("IsEscalated", BOOLEAN).label("Escalated").defaulted().build());
        c.putField(owner());
        audit(c);
        return c;
    }
}
