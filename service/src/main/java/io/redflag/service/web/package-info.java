/** The HTTP edge every request crosses: body size limits and problem details for every error. */
package io.redflag.service.web;
