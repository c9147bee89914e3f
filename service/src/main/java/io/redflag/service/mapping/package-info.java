/**
 * The admin's field mapping as the service uses it: chosen by {@code redflag.mapping.file} (the shipped
 * {@code mappings/salesforce.yaml} by default) and checked against the org before anything is read.
 */
package io.redflag.service.mapping;
