/**
 * Who may do what. Browser users log in with OpenID Connect against the CRM (the org the service is
 * connected to, nobody else's); machine clients send a bearer token, a JWT from a configured issuer or an API
 * token an admin created. Two roles: {@code viewer} reads, {@code admin} also acts (sync control, API
 * tokens, anything under {@code /api/admin}). {@link io.redflag.service.security.AccessRules} is the one
 * place that says which request needs which role.
 */
package io.redflag.service.security;
