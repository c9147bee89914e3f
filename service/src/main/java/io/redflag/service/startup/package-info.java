/** Start-up: the checks' common failure, printed as one clear block naming every problem. */
package io.redflag.service.startup;
