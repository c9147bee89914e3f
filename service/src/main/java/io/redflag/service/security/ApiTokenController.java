package io.redflag.service.security;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/admin/tokens} (admins only, see {@link AccessRules}): create an API token (its value is in this
 * answer and nowhere else, ever), list them without their values, revoke one.
 */
@RestController
@RequestMapping("/api/admin/tokens")
class ApiTokenController {
    private static final Logger log = LoggerFactory.getLogger(ApiTokenController.class);

    /** {"name": "ci-export", "role": "viewer"} */
    record NewToken(String name, String role) {
    }

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<ApiTokens.Created> create(@RequestBody NewToken body, Authentication caller) {
        ApiTokens.Created created;
        try {
            created = tokens.create(body.name(), Role.of(body.role()), caller.getName());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        log.info("API token #{} '{}' ({}) created by {}", created.id(), created.name(), created.role(),
                created.createdBy());
        return ResponseEntity.created(URI.create("/api/admin/tokens/" + created.id())).body(created);
    }

    @GetMapping
    List<ApiTokens.Listed> list() {
        return tokens.list();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication caller) {
        if (!tokens.revoke(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no API token #" + id);
        }
        log.info("API token #{} revoked by {}", id, caller.getName());
        return ResponseEntity.noContent().build();
    }
}
