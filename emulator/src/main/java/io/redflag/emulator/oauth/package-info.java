/**
 * The org's OAuth 2.0 and OpenID Connect side, at Salesforce's paths: the token endpoint ({@link
 * io.redflag.emulator.oauth.TokenEndpoint}: client credentials, JWT bearer, authorization code, refresh token),
 * the sessions its tokens open ({@link io.redflag.emulator.oauth.Sessions}), and the OpenID Connect provider
 * ({@link io.redflag.emulator.oauth.OidcProvider}: discovery, signing keys, the login page, userinfo) through
 * which people log in to an application with their org's username and password.
 */
package io.redflag.emulator.oauth;
