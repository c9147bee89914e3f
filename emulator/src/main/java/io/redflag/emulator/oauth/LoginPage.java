package io.redflag.emulator.oauth;

import java.util.Map;

/**
 * The HTML a browser sees during a login: the login form (ids {@code username}, {@code password} and
 * {@code Login}, as on Salesforce's own page) and the error page for requests that cannot be redirected.
 * Everything taken from a request is escaped.
 */
final class LoginPage {
    /** Salesforce's words for a failed login; they do not tell a wrong password from an inactive user. */
    static final String FAILED = "Please check your username and password. If you still can't log in, contact your"
            + " Salesforce administrator.";
    private static final String STYLE = "body{font-family:system-ui,sans-serif;background:#f3f3f3;color:#181818;"
            + "margin:0}main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:.5rem;"
            + "box-shadow:0 1px 3px rgba(0,0,0,.2)}h1{font-size:1.4rem;margin-top:0}label{display:block;"
            + "font-weight:600;margin:1rem 0 .25rem}input{box-sizing:border-box;width:100%;padding:.6rem;"
            + "font-size:1rem;border:1px solid #747474;border-radius:.25rem}input:focus,button:focus{outline:3px "
            + "solid #0b5cab;outline-offset:2px}button{margin-top:1.5rem;width:100%;padding:.7rem;font-size:1rem;"
            + "background:#0b5cab;color:#fff;border:0;border-radius:.25rem;cursor:pointer}.error{color:#ba0517;"
            + "border:1px solid #ba0517;padding:.75rem;border-radius:.25rem}.note{color:#444;font-size:.9rem}";

    private LoginPage() {
    }

    /**
     * The login form.
     *
     * @param carried  the authorization request's parameters, sent back as hidden fields
     * @param username what to fill the username field with (a failed attempt, or login_hint), or null
     * @param failed   whether to say that the last attempt failed
     */
    static String login(String orgName, String clientId, Map<String, String> carried, String username,
            boolean failed) {
        StringBuilder html = head("Login | " + orgName);
        html.append("<h1>Log in to ").append(escape(orgName)).append("</h1>");
        html.append("<p class=\"note\">Salesforce emulator. The app <strong>").append(escape(clientId))
                .append("</strong> asks you to log in.</p>");
        if (failed) {
            html.append("<div id=\"error\" class=\"error\" role=\"alert\">").append(escape(FAILED)).append("</div>");
        }
        html.append("<form method=\"post\" action=\"/services/oauth2/authorize\">");
        carried.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">"));
        String invalid = failed ? " aria-invalid=\"true\" aria-describedby=\"error\"" : "";
        boolean known = username != null && !username.isEmpty();
        html.append("<label for=\"username\">Username</label><input id=\"username\" name=\"username\" type=\"text\""
                + " autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" required")
                .append(known ? " value=\"" + escape(username) + "\"" : " autofocus").append(invalid).append(">");
        html.append("<label for=\"password\">Password</label><input id=\"password\" name=\"password\""
                + " type=\"password\" autocomplete=\"current-password\" required").append(known ? " autofocus" : "")
                .append(invalid).append(">");
        html.append("<button id=\"Login\" name=\"Login\" type=\"submit\">Log In</button></form>");
        return html.append("</main></body></html>").toString();
    }

    /** The page for an authorization request whose client or callback is wrong: never a redirect. */
    static String error(String error, String description) {
        StringBuilder html = head("Error | Login");
        html.append("<h1>This login request cannot be completed</h1>");
        html.append("<p id=\"error\" class=\"error\" role=\"alert\">error=").append(escape(error))
                .append("&amp;error_description=").append(escape(description)).append("</p>");
        html.append("<p class=\"note\">Check the app's client id and that its callback URL is one of the connected"
                + " app's callback URLs.</p>");
        return html.append("</main></body></html>").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(2048).append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body><main>");
    }
}
