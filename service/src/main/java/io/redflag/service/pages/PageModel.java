package io.redflag.service.pages;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows around its content: who is logged in and whether they may open the admin page. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {
    @ModelAttribute("userName")
    String userName(Authentication auth) {
        return auth == null ? null : auth.getName();
    }

    @ModelAttribute("isAdmin")
    boolean isAdmin(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_admin"));
    }
}
