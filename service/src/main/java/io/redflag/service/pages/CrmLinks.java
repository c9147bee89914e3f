package io.redflag.service.pages;

import io.redflag.connector.session.SalesforceSession;
import org.springframework.stereotype.Component;

/** Links into the CRM: a record opens at the org's instance URL followed by its id, as Salesforce serves it. */
@Component
class CrmLinks {
    private final SalesforceSession session;

    CrmLinks(SalesforceSession session) {
        this.session = session;
    }

    /** The instance URL of the session the service holds (opened at start-up), without a trailing slash. */
    String instanceUrl() {
        String endpoint = session.serviceEndpoint();
        int services = endpoint.indexOf("/services/");
        return services < 0 ? endpoint : endpoint.substring(0, services);
    }
}
