/**
 * The admin's field mapping: which CRM object and field feeds each property of Redflag's model, with
 * picklist value maps, optional fields and defaults ({@code mappings/salesforce.yaml} by default). Loaded
 * with line numbers, and checked against the org's describe results at start-up so that every problem is
 * reported at once, each naming the file, the line and {@code Object.Field}.
 */
package io.redflag.connector.mapping;
