/**
 * The REST API (JSON, described by OpenAPI at /v3/api-docs): accounts by level and segment, one account's
 * assessment with every finding and its evidence, its score history and its follow-up tasks. Reads only
 * the store; never calls the CRM.
 */
package io.redflag.service.api;
