package io.redflag.service.api;

import io.redflag.service.scoring.HeldBack;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Follow-ups across accounts: what the weekly cap per assignee holds back now. */
@RestController
@RequestMapping("/api/follow-ups")
class FollowUpController {
    private final HeldBack heldBack;

    FollowUpController(HeldBack heldBack) {
        this.heldBack = heldBack;
    }

    /**
     * The follow-ups the weekly cap holds back now (LOW and MEDIUM findings whose assignee's week is full), most
     * severe first, then the longest waiting; for one assignee or one account when asked.
     */
    @GetMapping("/held")
    List<HeldBack.Held> held(@RequestParam(required = false) String assignee,
            @RequestParam(required = false) String account) {
        if (assignee != null && account != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "ask for one assignee or one account, not both");
        }
        return assignee != null ? heldBack.of(assignee) : account != null ? heldBack.onAccount(account)
                : heldBack.all();
    }
}
