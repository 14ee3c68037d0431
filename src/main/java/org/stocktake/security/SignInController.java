package org.stocktake.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Stocktake's one sign-in page ({@code templates/sign-in.html}), in place of Spring Security's
 * unstyled default: the form posts to {@code /login}, which Spring Security handles.
 */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn() {
        return "sign-in";
    }
}
