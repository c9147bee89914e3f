package io.redflag.emulator.outbound;

/** A configured rule with the id Salesforce gives its action (prefix 04k). */
record Action(OutboundRule rule, String actionId) {
}
