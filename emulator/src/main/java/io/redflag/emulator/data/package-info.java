/**
 * Getting data into the emulated org: custom fields from the plugin's SFDX metadata ({@link
 * io.redflag.emulator.data.MetadataLoader}), records from Salesforce CLI data plans ({@link
 * io.redflag.emulator.data.PlanLoader}, with date rebasing so that a plan authored for one day reads as if
 * today), and large synthetic orgs for volume tests ({@link io.redflag.emulator.data.DataGenerator}).
 */
package io.redflag.emulator.data;
