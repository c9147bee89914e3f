/**
 * A Salesforce API session: an OAuth 2.0 token (client credentials or JWT bearer, never SOAP login) handed
 * to a WSC {@code PartnerConnection} with connect and read timeouts, renewed once when Salesforce answers
 * INVALID_SESSION_ID. Secrets never leave this package in logs, errors or {@code toString()}.
 */
package io.redflag.connector.session;
