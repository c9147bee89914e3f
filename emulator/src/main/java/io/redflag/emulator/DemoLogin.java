package io.redflag.emulator;

/**
 * A user of the demo org who can log in through the browser: an application embedding the emulator prints
 * these so that a person can try the login.
 *
 * @param admin whether the user holds the {@code Redflag_Admin} custom permission
 */
public record DemoLogin(String username, String password, boolean admin) {

    /** The password is for the console, not for logs of the object. */
    @Override
    public String toString() {
        return "DemoLogin[" + username + (admin ? ", admin" : ", viewer") + "]";
    }
}
