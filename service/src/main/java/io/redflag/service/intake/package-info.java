/**
 * Push intake in the service: the Outbound Message endpoint ({@code POST /crm/outbound-messages?token=…}),
 * its settings, and the wiring that lets the connector's push sources store pages and tells the polling
 * schedule which objects they cover.
 */
package io.redflag.service.intake;
