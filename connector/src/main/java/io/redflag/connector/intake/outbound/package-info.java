/**
 * Salesforce Outbound Messages, the push source every Enterprise-class org has: a Flow's or workflow's
 * Outbound Message action POSTs a SOAP {@code notifications} message naming changed records. The message is
 * parsed without DTDs or entities, checked against the connected org, de-duplicated on the notification id,
 * and the named records are re-read by Id through the ordinary mapping (a message carries only the fields
 * the admin picked), then stored with the notification ids in one transaction. Only then is it acknowledged.
 */
package io.redflag.connector.intake.outbound;
