/**
 * The CRM connection as the service wires it: settings from {@code redflag.salesforce.*} or the
 * SALESFORCE_* environment variables, the embedded demo org when no login URL is set, and a health
 * indicator that shows whether the CRM answers and how much of its API allocation is used.
 */
package io.redflag.service.crm;
